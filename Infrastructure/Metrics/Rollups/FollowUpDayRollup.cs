using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// The follow-up rollups (migration 0013): <c>follow_up_days</c> (per owner and local day: due and still-open due by
/// the day of due_at, completed and completed on time by the day of completion), <c>stage_moves.follow_ups_in_stage</c>
/// and <c>opportunities.follow_ups_at_close</c>. Triggers keep them exact; these statements rebuild them.
/// </summary>
public static class FollowUpDayRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "follow_up_days";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    public static readonly Sql Clear = new("DELETE FROM follow_up_days");

    public static readonly Sql RebuildDue = new(
        """
        INSERT INTO follow_up_days (day, owner_id, due, open_due)
        SELECT c.day, f.owner_id, COUNT(*), SUM(CASE WHEN f.status = 'open' THEN 1 ELSE 0 END)
        FROM follow_ups f
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= f.due_at)
        WHERE f.deleted_at IS NULL AND f.status <> 'cancelled'
        GROUP BY c.day, f.owner_id
        """,
        """
        INSERT INTO follow_up_days (day, owner_id, due, open_due)
        SELECT c.day, f.owner_id, COUNT(*), SUM(CASE WHEN f.status = 'open' THEN 1 ELSE 0 END)
        FROM follow_ups f
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= f.due_at ORDER BY mc.starts_at DESC) c
        WHERE f.deleted_at IS NULL AND f.status <> 'cancelled'
        GROUP BY c.day, f.owner_id
        """);

    public static readonly Sql RebuildCompleted = new(
        """
        INSERT INTO follow_up_days (day, owner_id, completed, completed_on_time)
        SELECT c.day, f.owner_id, COUNT(*), SUM(CASE WHEN f.completed_at <= f.due_at THEN 1 ELSE 0 END)
        FROM follow_ups f
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= f.completed_at)
        WHERE f.deleted_at IS NULL AND f.status = 'completed'
        GROUP BY c.day, f.owner_id
        ON CONFLICT (day, owner_id) DO UPDATE SET completed = excluded.completed, completed_on_time = excluded.completed_on_time
        """,
        """
        MERGE follow_up_days AS d
        USING (
            SELECT c.day, f.owner_id, COUNT(*) AS completed, SUM(CASE WHEN f.completed_at <= f.due_at THEN 1 ELSE 0 END) AS completed_on_time
            FROM follow_ups f
            CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= f.completed_at ORDER BY mc.starts_at DESC) c
            WHERE f.deleted_at IS NULL AND f.status = 'completed'
            GROUP BY c.day, f.owner_id
        ) AS s ON d.day = s.day AND d.owner_id = s.owner_id
        WHEN MATCHED THEN UPDATE SET completed = s.completed, completed_on_time = s.completed_on_time
        WHEN NOT MATCHED THEN INSERT (day, owner_id, completed, completed_on_time) VALUES (s.day, s.owner_id, s.completed, s.completed_on_time);
        """);

    /// <summary>Zeroes the moves no completed follow-up counts for (writing only rows that change: the rebuild also runs on a zone change, which does not move them).</summary>
    public static readonly Sql ClearInStage = new($"""
        UPDATE stage_moves SET follow_ups_in_stage = 0
        WHERE follow_ups_in_stage <> 0 AND id NOT IN (SELECT x.id FROM ({InStageCounts}) x)
        """);

    /// <summary>Each completed follow-up counts for the moves whose previous move it came at or after, and which it came before.</summary>
    public static readonly Sql RebuildInStage = new(
        $"""
        UPDATE stage_moves SET follow_ups_in_stage = x.n
        FROM ({InStageCounts}) x
        WHERE x.id = stage_moves.id AND stage_moves.follow_ups_in_stage <> x.n
        """,
        $"""
        UPDATE sm SET follow_ups_in_stage = x.n
        FROM stage_moves sm
        JOIN ({InStageCounts}) x ON x.id = sm.id
        WHERE sm.follow_ups_in_stage <> x.n
        """);

    public static readonly Sql ClearAtClose = new($"""
        UPDATE opportunities SET follow_ups_at_close = 0
        WHERE follow_ups_at_close <> 0 AND id NOT IN (SELECT x.id FROM ({AtCloseCounts}) x)
        """);

    public static readonly Sql RebuildAtClose = new(
        $"""
        UPDATE opportunities SET follow_ups_at_close = x.n
        FROM ({AtCloseCounts}) x
        WHERE x.id = opportunities.id AND opportunities.follow_ups_at_close <> x.n
        """,
        $"""
        UPDATE oc SET follow_ups_at_close = x.n
        FROM opportunities oc
        JOIN ({AtCloseCounts}) x ON x.id = oc.id
        WHERE oc.follow_ups_at_close <> x.n
        """);

    public static readonly IReadOnlyList<Sql> Statements = [Clear, RebuildDue, RebuildCompleted, ClearInStage, RebuildInStage, ClearAtClose, RebuildAtClose];

    private const string InStageCounts = """
        SELECT m.id, COUNT(*) AS n
        FROM follow_ups f
        JOIN stage_moves m ON m.opportunity_id = f.opportunity_id AND m.occurred_at > f.completed_at
        JOIN stage_moves p ON p.opportunity_id = m.opportunity_id AND p.move_number = m.move_number - 1 AND p.occurred_at <= f.completed_at
        WHERE f.status = 'completed' AND f.deleted_at IS NULL
        GROUP BY m.id
        """;

    private const string AtCloseCounts = """
        SELECT o.id, COUNT(*) AS n
        FROM follow_ups f
        JOIN opportunities o ON o.id = f.opportunity_id AND o.closed_at >= f.completed_at
        WHERE f.status = 'completed' AND f.deleted_at IS NULL
        GROUP BY o.id
        """;
}
