using SalesCrm.Application.Common.Validation;

namespace SalesCrm.UnitTests.Common;

public sealed class JsonFieldNamesTests
{
    [Theory]
    [InlineData("Items[0].Amount", "items[0].amount")]
    [InlineData("Email", "email")]
    [InlineData("TeamId", "teamId")]
    [InlineData("Scopes[1]", "scopes[1]")]
    [InlineData("alreadyCamel", "alreadyCamel")]
    [InlineData("", "")]
    public void A_property_path_becomes_the_JSON_path_clients_sent(string propertyPath, string jsonPath)
    {
        Assert.Equal(jsonPath, JsonFieldNames.FromPropertyPath(propertyPath));
    }
}
