using System.Globalization;
using System.Text.Json;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Metrics.Rollups;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// The organisation's calendar for the day rollups: every local day from <see cref="MetricWindow.EarliestDate"/> to
/// <see cref="MetricWindow.LatestDate"/> with the UTC instant it starts (daylight-saving correct), and every
/// <see cref="DayRollups">day rollup</see> rebuilt from its records whenever the zone changes or a migration ran. Triggers
/// keep the rollups exact on every write; this class only (re)builds them: at start-up when the calendar was made for
/// another zone (or never) or the schema changed, and in the same transaction as an organisation update that changes the zone.
/// </summary>
public static class MetricCalendar
{
    public static readonly Sql Zone = new("SELECT time_zone FROM metric_calendar_zone WHERE id = 1");

    public static readonly Sql ClearCalendar = new("DELETE FROM metric_calendar");

    public static readonly Sql ClearZone = new("DELETE FROM metric_calendar_zone");

    public static readonly Sql SetZone = new("INSERT INTO metric_calendar_zone (id, time_zone) VALUES (1, @TimeZone)");

    public static readonly Sql FillCalendar = new(
        "INSERT INTO metric_calendar (day, starts_at) SELECT json_extract(value, '$.d'), json_extract(value, '$.m') FROM json_each(@Days)",
        "INSERT INTO metric_calendar (day, starts_at) SELECT d, s FROM OPENJSON(@Days) WITH (d DATE '$.d', s DATETIMEOFFSET(3) '$.s')");

    /// <summary>
    /// Rebuilds the calendar and every day rollup for <paramref name="timeZone"/> unless they were built for it already;
    /// <paramref name="rebuildRollups"/> rebuilds the rollups regardless (after a migration, which may have added one).
    /// </summary>
    public static async Task EnsureAsync(WriteScope write, string timeZone, bool rebuildRollups = false)
    {
        if (await write.QuerySingleOrDefaultAsync<string>(Zone, null) != timeZone)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
            await write.ExecuteAsync(ClearCalendar, null);
            await write.ExecuteUnboundedAsync(FillCalendar, new { Days = DaysJson(zone) });
            await write.ExecuteAsync(ClearZone, null);
            await write.ExecuteAsync(SetZone, new { TimeZone = timeZone });
            rebuildRollups = true;
        }

        if (rebuildRollups)
        {
            foreach (var statement in DayRollups.Rebuild)
            {
                await write.ExecuteUnboundedAsync(statement, null);
            }
        }
    }

    private static string DaysJson(TimeZoneInfo zone)
    {
        var days = new List<Dictionary<string, object>>(MetricWindow.LatestDate.DayNumber - MetricWindow.EarliestDate.DayNumber);
        for (var day = MetricWindow.EarliestDate; day < MetricWindow.LatestDate; day = day.AddDays(1))
        {
            var start = MetricWindow.StartOfDay(day, zone);
            days.Add(new Dictionary<string, object>
            {
                ["d"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["m"] = start.ToUnixTimeMilliseconds(),
                ["s"] = start.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            });
        }

        return JsonSerializer.Serialize(days);
    }
}
