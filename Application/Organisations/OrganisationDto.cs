namespace SalesCrm.Application.Organisations;

/// <summary>The organisation's settings: every window is cut in <see cref="TimeZone"/>, every amount is in <see cref="Currency"/>.</summary>
public sealed record OrganisationDto(string Name, string TimeZone, string Currency, int Version) : Common.Records.IVersioned;
