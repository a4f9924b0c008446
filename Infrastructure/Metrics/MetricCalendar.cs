using System.Globalization;
using System.Text.Json;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// The organisation's calendar for the day rollups: every local day from <see cref="MetricWindow.EarliestDate"/> to
/// <see cref="MetricWindow.LatestDate"/> with the UTC instant it starts (daylight-saving correct), and
/// <c>activity_days</c> rebuilt from the activities whenever the zone changes. Triggers keep <c>activity_days</c> exact
/// on every write (migration 0007); this class only (re)builds it: at start-up when the calendar was made for another
/// zone (or never), and in the same transaction as an organisation update that changes the zone.
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

    public static readonly Sql ClearRollups = new("DELETE FROM activity_days");

    public static readonly Sql RebuildRollups = new(
        """
        INSERT INTO activity_days (day, owner_id, outbound_calls, inbound_calls, connected_calls, emails_sent, email_replies, emails_received, meetings, meetings_held, notes)
        SELECT c.day, a.owner_id,
               SUM(CASE WHEN a.type = 'call' AND a.direction = 'outbound' THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'call' AND a.direction = 'inbound' THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'call' AND a.outcome = 'connected' THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'email' AND a.direction = 'outbound' THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'email' AND a.direction = 'outbound' AND a.replied_at IS NOT NULL THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'email' AND a.direction = 'inbound' THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'meeting' THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'meeting' AND a.outcome = 'held' THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'note' THEN 1 ELSE 0 END)
        FROM activities a
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= a.occurred_at)
        WHERE a.deleted_at IS NULL
        GROUP BY c.day, a.owner_id
        """,
        """
        INSERT INTO activity_days (day, owner_id, outbound_calls, inbound_calls, connected_calls, emails_sent, email_replies, emails_received, meetings, meetings_held, notes)
        SELECT c.day, a.owner_id,
               SUM(CASE WHEN a.type = 'call' AND a.direction = 'outbound' THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'call' AND a.direction = 'inbound' THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'call' AND a.outcome = 'connected' THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'email' AND a.direction = 'outbound' THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'email' AND a.direction = 'outbound' AND a.replied_at IS NOT NULL THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'email' AND a.direction = 'inbound' THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'meeting' THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'meeting' AND a.outcome = 'held' THEN 1 ELSE 0 END),
               SUM(CASE WHEN a.type = 'note' THEN 1 ELSE 0 END)
        FROM activities a
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= a.occurred_at ORDER BY mc.starts_at DESC) c
        WHERE a.deleted_at IS NULL
        GROUP BY c.day, a.owner_id
        """);

    public static readonly Sql RebuildBookedRollups = new(
        """
        INSERT INTO activity_days (day, owner_id, meetings_booked)
        SELECT c.day, a.owner_id, COUNT(*)
        FROM activities a
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc
                                                 WHERE mc.starts_at <= CASE WHEN a.occurred_at < a.created_at THEN a.occurred_at ELSE a.created_at END)
        WHERE a.deleted_at IS NULL AND a.type = 'meeting'
        GROUP BY c.day, a.owner_id
        ON CONFLICT (day, owner_id) DO UPDATE SET meetings_booked = excluded.meetings_booked
        """,
        """
        MERGE activity_days AS d
        USING (
            SELECT c.day, a.owner_id, COUNT(*) AS meetings_booked
            FROM activities a
            CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc
                         WHERE mc.starts_at <= CASE WHEN a.occurred_at < a.created_at THEN a.occurred_at ELSE a.created_at END
                         ORDER BY mc.starts_at DESC) c
            WHERE a.deleted_at IS NULL AND a.type = 'meeting'
            GROUP BY c.day, a.owner_id
        ) AS s ON d.day = s.day AND d.owner_id = s.owner_id
        WHEN MATCHED THEN UPDATE SET meetings_booked = s.meetings_booked
        WHEN NOT MATCHED THEN INSERT (day, owner_id, meetings_booked) VALUES (s.day, s.owner_id, s.meetings_booked);
        """);

    /// <summary>Rebuilds the calendar and the rollups for <paramref name="timeZone"/> unless they were built for it already.</summary>
    public static async Task EnsureAsync(WriteScope write, string timeZone)
    {
        if (await write.QuerySingleOrDefaultAsync<string>(Zone, null) == timeZone)
        {
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        await write.ExecuteAsync(ClearCalendar, null);
        await write.ExecuteUnboundedAsync(FillCalendar, new { Days = DaysJson(zone) });
        await write.ExecuteUnboundedAsync(ClearRollups, null);
        await write.ExecuteUnboundedAsync(RebuildRollups, null);
        await write.ExecuteUnboundedAsync(RebuildBookedRollups, null);
        await write.ExecuteAsync(ClearZone, null);
        await write.ExecuteAsync(SetZone, new { TimeZone = timeZone });
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
