using SalesCrm.Application.People.CreateUser;
using SalesCrm.Domain.People;
using SalesCrm.UnitTests.Common;

namespace SalesCrm.UnitTests.People;

public sealed class CreateUserCommandValidatorTests
{
    private const string GoodPassword = "correct horse battery";

    private static readonly CreateUserCommandValidator Validator = new();

    [Fact]
    public void A_rep_without_a_team_is_valid()
    {
        Assert.Empty(InvalidFields.Of(Validator, new CreateUserCommand("ana@example.com", "Ana", Role.Rep, GoodPassword)));
    }

    [Fact]
    public void A_manager_with_a_team_is_valid()
    {
        Assert.Empty(InvalidFields.Of(Validator, new CreateUserCommand("ola@example.com", "Ola", Role.Manager, GoodPassword, Guid.NewGuid())));
    }

    [Fact]
    public void A_manager_without_a_team_fails_on_teamId()
    {
        Assert.Equal(["teamId"], InvalidFields.Of(Validator, new CreateUserCommand("ola@example.com", "Ola", Role.Manager, GoodPassword)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("eleven char")]
    public void A_short_password_fails_on_password(string password)
    {
        Assert.Equal(["password"], InvalidFields.Of(Validator, new CreateUserCommand("ana@example.com", "Ana", Role.Rep, password)));
    }

    [Fact]
    public void A_twelve_character_password_is_long_enough()
    {
        Assert.Empty(InvalidFields.Of(Validator, new CreateUserCommand("ana@example.com", "Ana", Role.Rep, "twelve chars")));
    }

    [Fact]
    public void A_malformed_email_blank_name_and_unknown_role_fail_on_their_fields()
    {
        var command = new CreateUserCommand("not-an-email", " ", (Role)42, GoodPassword);

        Assert.Equal(["displayName", "email", "role"], InvalidFields.Of(Validator, command));
    }
}
