using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// <c>won_cycle_days</c> (migration 0034): per current owner, local day of the close, current pipeline and whole days from
/// creation to close (0 when closed before created), the live deals whose current outcome is won. The forecast's typical
/// cycle (a median) finds its middle day here. Triggers keep it exact (organisation rows included); these statements rebuild it.
/// </summary>
public static class WonCycleDayRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "won_cycle_days";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    public static readonly Sql Clear = new("DELETE FROM won_cycle_days");

    public static readonly Sql Rebuild = new(
        """
        INSERT INTO won_cycle_days (owner_id, day, pipeline_id, cycle_days, won)
        SELECT w.owner_id, c.day, w.pipeline_id, w.cycle_days, COUNT(*)
        FROM (SELECT o.owner_id, o.pipeline_id, o.closed_at,
                     CASE WHEN o.closed_at > o.created_at THEN (o.closed_at - o.created_at) / 86400000 ELSE 0 END AS cycle_days
              FROM opportunities o
              WHERE o.outcome = 'won' AND o.deleted_at IS NULL AND o.closed_at IS NOT NULL) w
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= w.closed_at)
        GROUP BY w.owner_id, c.day, w.pipeline_id, w.cycle_days
        """,
        """
        INSERT INTO won_cycle_days (owner_id, day, pipeline_id, cycle_days, won)
        SELECT w.owner_id, c.day, w.pipeline_id, w.cycle_days, COUNT(*)
        FROM (SELECT o.owner_id, o.pipeline_id, o.closed_at,
                     CAST(CASE WHEN o.closed_at > o.created_at THEN DATEDIFF_BIG(millisecond, o.created_at, o.closed_at) / 86400000 ELSE 0 END AS INT) AS cycle_days
              FROM opportunities o
              WHERE o.outcome = 'won' AND o.deleted_at IS NULL AND o.closed_at IS NOT NULL) w
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= w.closed_at ORDER BY mc.starts_at DESC) c
        GROUP BY w.owner_id, c.day, w.pipeline_id, w.cycle_days
        """);

    /// <summary>Cleared (organisation rows too), then refilled: each owner row inserted adds itself to its organisation row.</summary>
    public static readonly IReadOnlyList<Sql> Statements = [Clear, Rebuild];
}
