using System.Text.Json;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Metrics.Rollups;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// The organisation's calendar for the day rollups: every local day from <see cref="MetricWindow.EarliestDate"/> to
/// <see cref="MetricWindow.LatestDate"/> with the UTC instant it starts (daylight-saving correct), and the
/// <see cref="DayRollups">day rollups</see> rebuilt from their records: all of them when the zone changes, and otherwise
/// only those whose definition version differs from the one recorded when they were last built (<c>metric_rollup_versions</c>,
/// migration 0021). Triggers keep the rollups exact on every write; this class only (re)builds them: at start-up, and in
/// the same transaction as an organisation update that changes the zone.
/// </summary>
public static class MetricCalendar
{
    public static readonly Sql Zone = new("SELECT time_zone FROM metric_calendar_zone WHERE id = 1");

    public static readonly Sql OrganisationTimeZone = new("SELECT time_zone FROM organisation WHERE id = 1");

    public static readonly Sql ClearCalendar = new("DELETE FROM metric_calendar");

    public static readonly Sql ClearZone = new("DELETE FROM metric_calendar_zone");

    public static readonly Sql SetZone = new("INSERT INTO metric_calendar_zone (id, time_zone) VALUES (1, @TimeZone)");

    public static readonly Sql FillCalendar = new(
        "INSERT INTO metric_calendar (day, starts_at) SELECT json_extract(value, '$.d'), json_extract(value, '$.m') FROM json_each(@Days)",
        "INSERT INTO metric_calendar (day, starts_at) SELECT d, s FROM OPENJSON(@Days) WITH (d DATE '$.d', s DATETIMEOFFSET(3) '$.s')");

    public static readonly Sql BuiltVersions = new("SELECT name AS Name, version AS Version FROM metric_rollup_versions");

    public static readonly Sql ClearBuiltVersions = new("DELETE FROM metric_rollup_versions");

    public static readonly Sql ClearBuiltVersion = new("DELETE FROM metric_rollup_versions WHERE name = @Name");

    public static readonly Sql SetBuiltVersion = new("INSERT INTO metric_rollup_versions (name, version) VALUES (@Name, @Version)");

    /// <summary>
    /// Rebuilds the calendar and every day rollup for <paramref name="timeZone"/> unless they were built for it already,
    /// and any rollup of <paramref name="rollups"/> (by default <see cref="DayRollups.All"/>) whose recorded version is
    /// missing or differs from its own. Returns the names of the rollups rebuilt, in order.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EnsureAsync(WriteScope write, string timeZone, IReadOnlyList<DayRollup>? rollups = null)
    {
        rollups ??= DayRollups.All;
        if (await write.QuerySingleOrDefaultAsync<string>(Zone, null) != timeZone)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
            await write.ExecuteAsync(ClearCalendar, null);
            await write.ExecuteUnboundedAsync(FillCalendar, new { Days = DaysJson(zone) });
            await write.ExecuteAsync(ClearZone, null);
            await write.ExecuteAsync(SetZone, new { TimeZone = timeZone });
            await write.ExecuteAsync(ClearBuiltVersions, null); // every day moved: nothing is built for this zone yet
        }

        var built = (await write.QueryAsync<BuiltVersion>(BuiltVersions, null)).ToDictionary(v => v.Name, v => v.Version, StringComparer.Ordinal);
        var rebuilt = new List<string>();
        foreach (var rollup in rollups)
        {
            if (built.TryGetValue(rollup.Name, out var version) && version == rollup.Version)
            {
                continue;
            }

            foreach (var statement in rollup.Statements)
            {
                await write.ExecuteUnboundedAsync(statement, null);
            }

            await write.ExecuteAsync(ClearBuiltVersion, new { rollup.Name });
            await write.ExecuteAsync(SetBuiltVersion, new { rollup.Name, rollup.Version });
            rebuilt.Add(rollup.Name);
        }

        return rebuilt;
    }

    /// <summary>
    /// Rebuilds the calendar for the organisation's zone if it was built for another, and every day rollup from its records,
    /// whatever version each was built at: after a bulk load that wrote records without the triggers.
    /// </summary>
    public static async Task RebuildAllAsync(WriteScope write)
    {
        await write.ExecuteAsync(ClearBuiltVersions, null);
        await EnsureAsync(write, await write.ScalarAsync<string>(OrganisationTimeZone, null));
    }

    private static string DaysJson(TimeZoneInfo zone)
    {
        var days = new List<Dictionary<string, object>>(MetricWindow.LatestDate.DayNumber - MetricWindow.EarliestDate.DayNumber);
        for (var day = MetricWindow.EarliestDate; day < MetricWindow.LatestDate; day = day.AddDays(1))
        {
            var start = MetricWindow.StartOfDay(day, zone);
            days.Add(new Dictionary<string, object>
            {
                ["d"] = MetricSql.IsoDate(day),
                ["m"] = start.ToUnixTimeMilliseconds(),
                ["s"] = MetricSql.IsoInstant(start),
            });
        }

        return JsonSerializer.Serialize(days);
    }

    private sealed class BuiltVersion
    {
        public string Name { get; init; } = "";

        public long Version { get; init; }
    }
}
