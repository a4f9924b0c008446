using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// <c>stage_time_months</c> (migration 0036): the organisation rows of <c>stage_time_days</c> summed per calendar month:
/// exits per stage and whole days spent, with their time there. Triggers on <c>stage_time_days</c> keep it exact; these
/// statements rebuild it from that rollup, so they run after <see cref="StageDayRollup"/>.
/// </summary>
public static class StageTimeMonthRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "stage_time_months";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    public static readonly Sql Clear = new("DELETE FROM stage_time_months");

    public static readonly Sql Rebuild = new(
        """
        INSERT INTO stage_time_months (month, stage_id, spent_days, exits, spent_ms)
        SELECT substr(d.day, 1, 7) || '-01', d.stage_id, d.spent_days, SUM(d.exits), SUM(d.spent_ms)
        FROM stage_time_days d
        WHERE d.owner_id = '00000000-0000-0000-0000-000000000000'
        GROUP BY substr(d.day, 1, 7) || '-01', d.stage_id, d.spent_days
        """,
        """
        INSERT INTO stage_time_months (month, stage_id, spent_days, exits, spent_ms)
        SELECT DATEFROMPARTS(YEAR(d.day), MONTH(d.day), 1), d.stage_id, d.spent_days, SUM(d.exits), SUM(d.spent_ms)
        FROM stage_time_days d
        WHERE d.owner_id = '00000000-0000-0000-0000-000000000000'
        GROUP BY DATEFROMPARTS(YEAR(d.day), MONTH(d.day), 1), d.stage_id, d.spent_days
        """);

    public static readonly IReadOnlyList<Sql> Statements = [Clear, Rebuild];
}
