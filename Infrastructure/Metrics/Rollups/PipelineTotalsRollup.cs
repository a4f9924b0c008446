using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// <c>pipeline_totals</c> (migration 0032): the deals not deleted per owner, pipeline and current stage, their amount and
/// the sum of the instants they entered that stage (Unix ms), as they are now. Not per day: the current state, which a
/// pipeline snapshot reads when nothing has moved since the instant asked for. Triggers on <c>opportunities</c> keep it
/// exact; these statements rebuild it.
/// </summary>
public static class PipelineTotalsRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "pipeline_totals";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    public static readonly Sql Clear = new("DELETE FROM pipeline_totals");

    public static readonly Sql Rebuild = new(
        """
        INSERT INTO pipeline_totals (owner_id, pipeline_id, stage_id, deals, amount, entered_ms)
        SELECT o.owner_id, o.pipeline_id, o.stage_id, COUNT(*), SUM(o.amount), SUM(o.stage_entered_at)
        FROM opportunities o
        WHERE o.deleted_at IS NULL
        GROUP BY o.owner_id, o.pipeline_id, o.stage_id
        """,
        """
        INSERT INTO pipeline_totals (owner_id, pipeline_id, stage_id, deals, amount, entered_ms)
        SELECT o.owner_id, o.pipeline_id, o.stage_id, COUNT(*), SUM(o.amount),
               SUM(DATEDIFF_BIG(millisecond, CAST('1970-01-01T00:00:00+00:00' AS DATETIMEOFFSET(3)), o.stage_entered_at))
        FROM opportunities o
        WHERE o.deleted_at IS NULL
        GROUP BY o.owner_id, o.pipeline_id, o.stage_id
        """);

    public static readonly IReadOnlyList<Sql> Statements = [Clear, Rebuild];
}
