using SalesCrm.Domain.Organisations;

namespace SalesCrm.UnitTests.Organisations;

public sealed class OrganisationRulesTests
{
    [Theory]
    [InlineData("Europe/Warsaw")]
    [InlineData("America/New_York")]
    [InlineData("UTC")]
    public void An_IANA_time_zone_is_accepted(string timeZone)
    {
        Assert.True(OrganisationRules.IsIanaTimeZone(timeZone));
    }

    [Theory]
    [InlineData("Mars/Base")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("+02:00")]
    public void Anything_else_is_not_a_time_zone(string timeZone)
    {
        Assert.False(OrganisationRules.IsIanaTimeZone(timeZone));
    }

    [Theory]
    [InlineData("EUR")]
    [InlineData("PLN")]
    [InlineData("USD")]
    public void Three_capital_letters_are_a_currency_code(string currency)
    {
        Assert.True(OrganisationRules.IsCurrencyCode(currency));
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("Eur")]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    [InlineData("")]
    public void Anything_else_is_not_a_currency_code(string currency)
    {
        Assert.False(OrganisationRules.IsCurrencyCode(currency));
    }
}
