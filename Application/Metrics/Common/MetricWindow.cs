namespace SalesCrm.Application.Metrics.Common;

/// <summary>
/// A metric window: calendar dates in the organisation's time zone, <c>from</c> inclusive and <c>to</c>
/// exclusive, turned into the UTC instants the records are stored in. Midnight is taken in the zone on each
/// date separately, so a window across a daylight-saving change has the right length (23 or 25 hours that day).
/// </summary>
public sealed record MetricWindow(DateOnly From, DateOnly To, DateTimeOffset FromUtc, DateTimeOffset ToUtc)
{
    /// <summary>The longest window a metric answers for (five years and a day, so five calendar years always fit).</summary>
    public const int MaxDays = 1827;

    /// <summary>The first date a window may start on: the day rollups' calendar starts here (docs/metrics.md).</summary>
    public static readonly DateOnly EarliestDate = new(1970, 1, 1);

    /// <summary>The latest date a window may end on (exclusive).</summary>
    public static readonly DateOnly LatestDate = new(2100, 1, 1);

    public static MetricWindow Create(DateOnly from, DateOnly to, TimeZoneInfo zone) =>
        new(from, to, StartOfDay(from, zone), StartOfDay(to, zone));

    /// <summary>
    /// The first instant of a calendar date in a zone. Where midnight does not exist (a zone that springs
    /// forward at 00:00) the day starts at the first valid local time; where it happens twice, at the first.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The calendar date an instant falls on in the zone.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
