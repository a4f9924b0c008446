using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// <c>stage_entry_days</c> and <c>stage_time_days</c> (migration 0017): per current owner and local day, the entries into
/// each stage by the stage the next move went to (the organisation's "still in" owner id while there is none), and the
/// exits from each stage by whole days spent in it with the sum of their time there (ms); only moves of opportunities not
/// deleted. Triggers on <c>stage_moves</c> keep them exact (and the organisation rows, through triggers on the rollups);
/// these statements rebuild them from the moves' columns, so they run after <see cref="StageMoveRollup"/>.
/// </summary>
public static class StageDayRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "stage_days";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    /// <summary>The next stage of an entry still in the stage it entered.</summary>
    public const string StillIn = "00000000-0000-0000-0000-000000000000";

    public static readonly Sql ClearEntries = new("DELETE FROM stage_entry_days");

    public static readonly Sql ClearTimes = new("DELETE FROM stage_time_days");

    public static readonly Sql RebuildEntries = new(
        $"""
        INSERT INTO stage_entry_days (owner_id, day, stage_id, next_stage_id, entries)
        SELECT m.owner_id, c.day, m.to_stage_id, COALESCE(m.next_stage_id, '{StillIn}'), COUNT(*)
        FROM stage_moves m
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= m.occurred_at)
        WHERE m.owner_id IS NOT NULL AND m.opportunity_deleted = 0
        GROUP BY m.owner_id, c.day, m.to_stage_id, COALESCE(m.next_stage_id, '{StillIn}')
        """,
        $"""
        INSERT INTO stage_entry_days (owner_id, day, stage_id, next_stage_id, entries)
        SELECT m.owner_id, c.day, m.to_stage_id, COALESCE(m.next_stage_id, '{StillIn}'), COUNT(*)
        FROM stage_moves m
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= m.occurred_at ORDER BY mc.starts_at DESC) c
        WHERE m.owner_id IS NOT NULL AND m.opportunity_deleted = 0
        GROUP BY m.owner_id, c.day, m.to_stage_id, COALESCE(m.next_stage_id, '{StillIn}')
        """);

    public static readonly Sql RebuildTimes = new(
        """
        INSERT INTO stage_time_days (owner_id, day, stage_id, spent_days, exits, spent_ms)
        SELECT m.owner_id, c.day, m.from_stage_id, m.from_stage_days, COUNT(*), SUM(m.from_stage_ms)
        FROM stage_moves m
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= m.occurred_at)
        WHERE m.owner_id IS NOT NULL AND m.opportunity_deleted = 0 AND m.from_stage_id IS NOT NULL AND m.from_stage_ms IS NOT NULL
        GROUP BY m.owner_id, c.day, m.from_stage_id, m.from_stage_days
        """,
        """
        INSERT INTO stage_time_days (owner_id, day, stage_id, spent_days, exits, spent_ms)
        SELECT m.owner_id, c.day, m.from_stage_id, m.from_stage_days, COUNT(*), SUM(m.from_stage_ms)
        FROM stage_moves m
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= m.occurred_at ORDER BY mc.starts_at DESC) c
        WHERE m.owner_id IS NOT NULL AND m.opportunity_deleted = 0 AND m.from_stage_id IS NOT NULL AND m.from_stage_ms IS NOT NULL
        GROUP BY m.owner_id, c.day, m.from_stage_id, m.from_stage_days
        """);

    /// <summary>Cleared (organisation rows too), then refilled: each owner row inserted adds itself to its organisation row.</summary>
    public static readonly IReadOnlyList<Sql> Statements = [ClearEntries, ClearTimes, RebuildEntries, RebuildTimes];
}
