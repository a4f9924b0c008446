using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// <c>activity_days</c> (migration 0007): per owner and local day, the section A counts of activities by the day they
/// happened, and meetings booked by the day they were booked. Triggers keep it exact; these statements rebuild it.
/// </summary>
public static class ActivityDayRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "activity_days";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    public static readonly Sql Clear = new("DELETE FROM activity_days");

    public static readonly Sql Rebuild = new(
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

    public static readonly Sql RebuildBooked = new(
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

    public static readonly IReadOnlyList<Sql> Statements = [Clear, Rebuild, RebuildBooked];
}
