using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// <c>stage_move_follow_up_days</c> (migration 0021): per current owner, local day of the move, stage left, stage entered
/// and completed follow-ups in the stage left, the moves out of a stage of opportunities not deleted (organisation rows
/// included). Follow-up discipline reads its stage advances from it. Triggers on <c>stage_moves</c> keep it exact; these
/// statements rebuild it from the moves' columns (0013's follow_ups_in_stage, 0015's owner and deleted flag), so it runs
/// after <see cref="FollowUpDayRollup"/> and <see cref="StageMoveRollup"/>.
/// </summary>
public static class StageAdvanceDayRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "stage_move_follow_up_days";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    public static readonly Sql Clear = new("DELETE FROM stage_move_follow_up_days");

    public static readonly Sql Rebuild = new(
        """
        INSERT INTO stage_move_follow_up_days (owner_id, day, from_stage_id, to_stage_id, follow_ups, moves)
        SELECT m.owner_id, c.day, m.from_stage_id, m.to_stage_id, m.follow_ups_in_stage, COUNT(*)
        FROM stage_moves m
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= m.occurred_at)
        WHERE m.owner_id IS NOT NULL AND m.opportunity_deleted = 0 AND m.from_stage_id IS NOT NULL
        GROUP BY m.owner_id, c.day, m.from_stage_id, m.to_stage_id, m.follow_ups_in_stage
        """,
        """
        INSERT INTO stage_move_follow_up_days (owner_id, day, from_stage_id, to_stage_id, follow_ups, moves)
        SELECT m.owner_id, c.day, m.from_stage_id, m.to_stage_id, m.follow_ups_in_stage, COUNT(*)
        FROM stage_moves m
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= m.occurred_at ORDER BY mc.starts_at DESC) c
        WHERE m.owner_id IS NOT NULL AND m.opportunity_deleted = 0 AND m.from_stage_id IS NOT NULL
        GROUP BY m.owner_id, c.day, m.from_stage_id, m.to_stage_id, m.follow_ups_in_stage
        """);

    public static readonly IReadOnlyList<Sql> Statements = [Clear, Rebuild];
}
