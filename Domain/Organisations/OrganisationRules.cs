namespace SalesCrm.Domain.Organisations;

/// <summary>What a valid organisation setting looks like: an IANA time zone and an ISO 4217 currency code.</summary>
public static class OrganisationRules
{
    public const int MaxNameLength = 200;

    public static bool IsIanaTimeZone(string timeZone) =>
        !string.IsNullOrWhiteSpace(timeZone)
        && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
        && zone.HasIanaId;

    public static bool IsCurrencyCode(string currency) =>
        currency is { Length: 3 } && currency.All(c => c is >= 'A' and <= 'Z');
}
