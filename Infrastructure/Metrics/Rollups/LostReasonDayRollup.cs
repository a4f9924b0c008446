using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// <c>lost_reason_days</c> (migration 0019): per local day of the close, owner, pipeline, lost reason and competitor, the
/// live deals lost and their amounts. Triggers keep it exact (organisation rows included); these statements rebuild it.
/// </summary>
public static class LostReasonDayRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "lost_reason_days";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    public static readonly Sql Clear = new("DELETE FROM lost_reason_days");

    public static readonly Sql Rebuild = new(
        """
        INSERT INTO lost_reason_days (day, owner_id, pipeline_id, lost_reason_id, competitor, lost, lost_amount)
        SELECT c.day, o.owner_id, o.pipeline_id, COALESCE(o.lost_reason_id, '00000000-0000-0000-0000-000000000000'), COALESCE(o.competitor, ''),
               COUNT(*), SUM(o.amount)
        FROM opportunities o
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= o.closed_at)
        WHERE o.outcome = 'lost' AND o.deleted_at IS NULL AND o.closed_at IS NOT NULL
        GROUP BY c.day, o.owner_id, o.pipeline_id, COALESCE(o.lost_reason_id, '00000000-0000-0000-0000-000000000000'), COALESCE(o.competitor, '')
        """,
        """
        INSERT INTO lost_reason_days (day, owner_id, pipeline_id, lost_reason_id, competitor, lost, lost_amount)
        SELECT c.day, o.owner_id, o.pipeline_id, COALESCE(o.lost_reason_id, '00000000-0000-0000-0000-000000000000'), COALESCE(o.competitor, N''),
               COUNT(*), SUM(o.amount)
        FROM opportunities o
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= o.closed_at ORDER BY mc.starts_at DESC) c
        WHERE o.outcome = 'lost' AND o.deleted_at IS NULL AND o.closed_at IS NOT NULL
        GROUP BY c.day, o.owner_id, o.pipeline_id, COALESCE(o.lost_reason_id, '00000000-0000-0000-0000-000000000000'), COALESCE(o.competitor, N'')
        """);

    public static readonly IReadOnlyList<Sql> Statements = [Clear, Rebuild];
}
