using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// <c>stage_exit_hours</c> (migration 0041): per stage and whole hour spent in it, the exits of opportunities not deleted,
/// the finer half of <c>stage_exit_days</c> for a stage's historical median. A trigger keeps it exact from the columns
/// <see cref="StageMoveRollup"/> keeps on the moves; these statements rebuild it from them, so it follows that rollup.
/// </summary>
public static class StageExitHourRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "stage_exit_hours";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    public static readonly Sql Clear = new("DELETE FROM stage_exit_hours");

    public static readonly Sql Rebuild = new("""
        INSERT INTO stage_exit_hours (stage_id, hour, exits)
        SELECT from_stage_id, from_stage_ms / 3600000, COUNT(*)
        FROM stage_moves
        WHERE from_stage_id IS NOT NULL AND from_stage_ms IS NOT NULL AND opportunity_deleted = 0
        GROUP BY from_stage_id, from_stage_ms / 3600000
        """);

    public static readonly IReadOnlyList<Sql> Statements = [Clear, Rebuild];
}
