using SalesCrm.Application.Integrations.CreateIntegrationClient;
using SalesCrm.Domain.People;
using SalesCrm.UnitTests.Common;

namespace SalesCrm.UnitTests.Integrations;

public sealed class CreateIntegrationClientCommandValidatorTests
{
    private static readonly CreateIntegrationClientCommandValidator Validator = new();

    [Fact]
    public void Known_scopes_are_valid()
    {
        Assert.Empty(InvalidFields.Of(Validator, new CreateIntegrationClientCommand("Zapier", IntegrationScopes.All)));
    }

    [Fact]
    public void An_unknown_scope_fails_on_its_position_in_scopes()
    {
        var command = new CreateIntegrationClientCommand("Zapier", [IntegrationScopes.MetricsRead, "everything"]);

        Assert.Equal(["scopes[1]"], InvalidFields.Of(Validator, command));
    }

    [Fact]
    public void A_scope_is_matched_exactly()
    {
        Assert.Equal(["scopes[0]"], InvalidFields.Of(Validator, new CreateIntegrationClientCommand("Zapier", ["Metrics:Read"])));
    }

    [Fact]
    public void No_scopes_and_no_name_fail_on_both()
    {
        Assert.Equal(["name", "scopes"], InvalidFields.Of(Validator, new CreateIntegrationClientCommand("", [])));
    }
}
