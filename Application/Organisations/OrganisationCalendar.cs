namespace SalesCrm.Application.Organisations;

/// <summary>The organisation's time zone (an IANA id, set once per organisation) and today's date in it.</summary>
public sealed class OrganisationCalendar(IOrganisationStore organisation, TimeProvider clock)
{
    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken) =>
        TimeZoneInfo.FindSystemTimeZoneById((await organisation.GetAsync(cancellationToken)).TimeZone);

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), await ZoneAsync(cancellationToken)).DateTime);
}
