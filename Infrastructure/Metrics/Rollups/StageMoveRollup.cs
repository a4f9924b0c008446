using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// The columns migration 0015 denormalises onto <c>stage_moves</c>: when the stage a move leaves was entered and how long the
/// deal stayed (the previous move), when and to which stage the stage it enters was left (the next move), and the
/// opportunity's current owner and deleted flag; and <c>stage_exit_days</c>, the exits per stage and whole day spent in it.
/// Triggers keep them exact; these statements recompute them from the records, writing only the moves that differ (so a
/// rebuild on a zone change, which does not affect them, rewrites only the day counts).
/// </summary>
public static class StageMoveRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "stage_move_links";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    public static readonly Sql RebuildEntered = new(
        """
        UPDATE stage_moves SET from_entered_at = p.occurred_at, from_stage_ms = stage_moves.occurred_at - p.occurred_at
        FROM stage_moves p
        WHERE p.opportunity_id = stage_moves.opportunity_id AND p.move_number = stage_moves.move_number - 1
          AND (stage_moves.from_entered_at IS NOT p.occurred_at OR stage_moves.from_stage_ms IS NOT stage_moves.occurred_at - p.occurred_at)
        """,
        """
        UPDATE m SET from_entered_at = p.occurred_at, from_stage_ms = DATEDIFF_BIG(millisecond, p.occurred_at, m.occurred_at)
        FROM stage_moves m
        JOIN stage_moves p ON p.opportunity_id = m.opportunity_id AND p.move_number = m.move_number - 1
        WHERE m.from_entered_at IS NULL OR m.from_entered_at <> p.occurred_at
           OR m.from_stage_ms IS NULL OR m.from_stage_ms <> DATEDIFF_BIG(millisecond, p.occurred_at, m.occurred_at)
        """);

    public static readonly Sql RebuildLeft = new(
        """
        UPDATE stage_moves SET left_at = n.occurred_at, next_stage_id = n.to_stage_id
        FROM stage_moves n
        WHERE n.opportunity_id = stage_moves.opportunity_id AND n.move_number = stage_moves.move_number + 1
          AND (stage_moves.left_at IS NOT n.occurred_at OR stage_moves.next_stage_id IS NOT n.to_stage_id)
        """,
        """
        UPDATE m SET left_at = n.occurred_at, next_stage_id = n.to_stage_id
        FROM stage_moves m
        JOIN stage_moves n ON n.opportunity_id = m.opportunity_id AND n.move_number = m.move_number + 1
        WHERE m.left_at IS NULL OR m.left_at <> n.occurred_at OR m.next_stage_id IS NULL OR m.next_stage_id <> n.to_stage_id
        """);

    public static readonly Sql RebuildOpportunity = new(
        """
        UPDATE stage_moves SET owner_id = o.owner_id, opportunity_deleted = CASE WHEN o.deleted_at IS NULL THEN 0 ELSE 1 END
        FROM opportunities o
        WHERE o.id = stage_moves.opportunity_id
          AND (stage_moves.owner_id IS NOT o.owner_id OR stage_moves.opportunity_deleted <> CASE WHEN o.deleted_at IS NULL THEN 0 ELSE 1 END)
        """,
        """
        UPDATE m SET owner_id = o.owner_id, opportunity_deleted = CASE WHEN o.deleted_at IS NULL THEN 0 ELSE 1 END
        FROM stage_moves m
        JOIN opportunities o ON o.id = m.opportunity_id
        WHERE m.owner_id IS NULL OR m.owner_id <> o.owner_id
           OR m.opportunity_deleted <> CASE WHEN o.deleted_at IS NULL THEN 0 ELSE 1 END
        """);

    public static readonly Sql ClearExitDays = new("DELETE FROM stage_exit_days");

    public static readonly Sql RebuildExitDays = new("""
        INSERT INTO stage_exit_days (stage_id, day, exits)
        SELECT from_stage_id, from_stage_ms / 86400000, COUNT(*)
        FROM stage_moves
        WHERE from_stage_id IS NOT NULL AND from_stage_ms IS NOT NULL AND opportunity_deleted = 0
        GROUP BY from_stage_id, from_stage_ms / 86400000
        """);

    /// <summary>The columns first (their trigger moves the day counts as they change), then the day counts afresh from them.</summary>
    public static readonly IReadOnlyList<Sql> Statements = [RebuildEntered, RebuildLeft, RebuildOpportunity, ClearExitDays, RebuildExitDays];
}
