using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// What follow-up work ended in (migration 0031): <c>closed_deal_follow_up_days</c> (per current owner, local day of the
/// close, pipeline, outcome and completed follow-ups up to the close, the live won or lost deals) and
/// <c>late_follow_up_days</c> (migration 0038: per owner, local day of completion and whole hours late rounded up,
/// <c>follow_ups.late_hour</c>, the live follow-ups completed after their due time and their summed lateness in ms), both
/// with organisation rows. Follow-up discipline reads its closed deals and late follow-ups from them.
/// Triggers on <c>opportunities</c> and <c>follow_ups</c> keep them exact; these statements rebuild them from the records
/// (the deals' <c>follow_ups_at_close</c>, so it runs after <see cref="FollowUpDayRollup"/>).
/// </summary>
public static class FollowUpOutcomeDayRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "follow_up_outcome_days";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 2;

    public static readonly Sql ClearDeals = new("DELETE FROM closed_deal_follow_up_days");

    /// <summary>The owners' rows; the rollup's own triggers add them up into the organisation rows.</summary>
    public static readonly Sql RebuildDeals = new(
        """
        INSERT INTO closed_deal_follow_up_days (owner_id, day, pipeline_id, outcome, follow_ups, deals)
        SELECT o.owner_id, c.day, o.pipeline_id, o.outcome, o.follow_ups_at_close, COUNT(*)
        FROM opportunities o
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= o.closed_at)
        WHERE o.outcome IN ('won', 'lost') AND o.closed_at IS NOT NULL AND o.deleted_at IS NULL
        GROUP BY o.owner_id, c.day, o.pipeline_id, o.outcome, o.follow_ups_at_close
        """,
        """
        INSERT INTO closed_deal_follow_up_days (owner_id, day, pipeline_id, outcome, follow_ups, deals)
        SELECT o.owner_id, c.day, o.pipeline_id, o.outcome, o.follow_ups_at_close, COUNT(*)
        FROM opportunities o
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= o.closed_at ORDER BY mc.starts_at DESC) c
        WHERE o.outcome IN ('won', 'lost') AND o.closed_at IS NOT NULL AND o.deleted_at IS NULL
        GROUP BY o.owner_id, c.day, o.pipeline_id, o.outcome, o.follow_ups_at_close
        """);

    public static readonly Sql ClearLate = new("DELETE FROM late_follow_up_days");

    public static readonly Sql RebuildLate = new(
        """
        INSERT INTO late_follow_up_days (owner_id, day, late_hour, follow_ups, late_ms)
        SELECT f.owner_id, c.day, f.late_hour, COUNT(*), SUM(f.completed_at - f.due_at)
        FROM follow_ups f
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= f.completed_at)
        WHERE f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at > f.due_at
        GROUP BY f.owner_id, c.day, f.late_hour
        """,
        """
        INSERT INTO late_follow_up_days (owner_id, day, late_hour, follow_ups, late_ms)
        SELECT f.owner_id, c.day, f.late_hour, COUNT(*), SUM(DATEDIFF_BIG(millisecond, f.due_at, f.completed_at))
        FROM follow_ups f
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= f.completed_at ORDER BY mc.starts_at DESC) c
        WHERE f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at > f.due_at
        GROUP BY f.owner_id, c.day, f.late_hour
        """);

    public static readonly IReadOnlyList<Sql> Statements = [ClearDeals, RebuildDeals, ClearLate, RebuildLate];
}
