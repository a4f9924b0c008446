using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.Pipeline;
using SalesCrm.Domain.Pipelines;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// Section C (except win rate and lost reasons): the open pipeline rebuilt from the stage history as of any instant, stage
/// exits (days in stage), stage entries with their fate (conversion), the deals open now, and the records behind each figure.
/// Durations are computed in C# from the instants read here (no timestamp arithmetic in portable SQL). The figures read the
/// columns migration 0015 keeps on each stage move (its neighbours' instants and stages, the opportunity's owner and deleted
/// flag: see <see cref="Rollups.StageMoveRollup"/>); days in stage and stage conversion read the day rollups of migration 0017
/// (<see cref="Rollups.StageDayRollup"/>, organisation rows for the organisation) and, for a median, the exits of the one
/// whole day spent that holds it. The explain queries read the records themselves, so they check them.
/// This part holds the stages and the explain queries; the snapshot (<c>PipelineMetricsStore.Snapshot.cs</c>), stage exits,
/// norms and entries (<c>.Stages.cs</c>) and stale deals (<c>.StaleDeals.cs</c>) are parts of their own.
/// Where the moves must drive a join, it is written <c>CROSS JOIN</c> with the condition in <c>WHERE</c>: SQLite keeps that join
/// order (it would otherwise start from the few stages and read every move of each), SQL Server treats it as an inner join.
/// </summary>
public sealed partial class PipelineMetricsStore(IDbConnectionFactory connections) : MetricStore(connections), IPipelineMetricsStore
{
    /// <summary>An exit from an open stage (<c>lv</c>, a move leaving it) joined to the move that entered it (<c>e</c>, the move before).</summary>
    private const string ExitsFrom = """
        FROM stage_moves lv
        JOIN stage_moves e ON e.opportunity_id = lv.opportunity_id AND e.move_number = lv.move_number - 1
        JOIN stages fs ON fs.id = lv.from_stage_id
        JOIN opportunities o ON o.id = lv.opportunity_id
        WHERE fs.kind = 'open' AND o.deleted_at IS NULL
        """;

    /// <summary>An entry into an open stage (<c>n</c>) with the move that next left it (<c>nx</c>, none yet when still there).</summary>
    private const string EntriesFrom = """
        FROM stage_moves n
        JOIN stages s ON s.id = n.to_stage_id
        JOIN opportunities o ON o.id = n.opportunity_id
        LEFT JOIN stage_moves nx ON nx.opportunity_id = n.opportunity_id AND nx.move_number = n.move_number + 1
        LEFT JOIN stages ns ON ns.id = nx.to_stage_id
        WHERE s.kind = 'open' AND o.deleted_at IS NULL AND n.occurred_at >= @WindowFrom AND n.occurred_at < @WindowTo
        """;

    /// <summary>The fate of an entry, by the stage the next move went to: Won or a later stage, Lost, or an earlier stage.</summary>
    private const string Fate = """
        CASE WHEN nx.id IS NULL THEN 'still_in'
             WHEN ns.kind = 'won' THEN 'advanced'
             WHEN ns.kind = 'lost' THEN 'lost'
             WHEN ns.position > s.position THEN 'advanced'
             ELSE 'moved_back' END
        """;

    public static readonly Sql Stages = new($"""
        SELECT s.id AS Id, s.pipeline_id AS PipelineId, s.name AS Name, s.position AS Position, s.probability AS Probability,
               s.kind AS Kind, s.stale_after_days AS StaleAfterDays, CASE WHEN s.archived_at IS NULL THEN 0 ELSE 1 END AS Archived
        FROM stages s
        JOIN pipelines p ON p.id = s.pipeline_id
        WHERE {MetricSql.Pipeline("s.pipeline_id")}
        ORDER BY p.created_at, p.id, s.position
        """);

    /// <summary>The deals <see cref="OpenAt"/> counts; value = the probability of their stage then.</summary>
    public static readonly Sql ExplainOpen = new($"""
        SELECT * FROM (
            SELECT 'opportunity' AS Kind, y.OpportunityId AS Id, y.EnteredAt AS At, y.OwnerId AS OwnerId, y.Name AS Label,
                   y.Amount AS Amount, CAST(y.Probability AS FLOAT) AS Value, y.OpportunityId AS OpportunityId
            FROM ({Pipeline(OpenAsOf)}) y
            WHERE {MetricSql.Subject("y.OwnerId")} AND (@StageId IS NULL OR y.StageId = @StageId)
        ) x
        {ExplainPageEnd}
        """);

    /// <summary>The exits <see cref="Exits"/> counts; value = days in the stage (the only dialect-specific part: a duration).</summary>
    public static readonly Sql ExplainExits = new(
        ExplainExitsText("CAST(lv.occurred_at - e.occurred_at AS REAL) / 86400000.0"),
        ExplainExitsText("CAST(DATEDIFF_BIG(millisecond, e.occurred_at, lv.occurred_at) AS FLOAT) / 86400000.0"));

    /// <summary>The entries <see cref="Entries"/> counts; label = the entry's fate.</summary>
    public static readonly Sql ExplainEntries = new($"""
        SELECT * FROM (
            SELECT 'stage_move' AS Kind, n.id AS Id, n.occurred_at AS At, o.owner_id AS OwnerId, {Fate} AS Label,
                   o.amount AS Amount, NULL AS Value, o.id AS OpportunityId
            {EntriesFrom}
              AND {MetricSql.Subject("o.owner_id")} AND {MetricSql.Pipeline("o.pipeline_id")}
              AND (@StageId IS NULL OR n.to_stage_id = @StageId)
        ) x
        {ExplainPageEnd}
        """);

    public async Task<IReadOnlyList<StageInfo>> StagesAsync(Guid? pipelineId, CancellationToken cancellationToken) =>
        (await QueryAsync<StageRow>(Stages, new { PipelineId = pipelineId }, cancellationToken))
        .Select(s => new StageInfo(s.Id, s.PipelineId, s.Name, s.Position, s.Probability, Enum.Parse<StageKind>(s.Kind, ignoreCase: true),
            s.StaleAfterDays, s.Archived != 0))
        .ToList();

    public Task<Page<MetricRecord>> ExplainAsync(
        ExplainRequest<PipelineFigure> request, DateTimeOffset asOf, Guid? stageId, CancellationToken cancellationToken)
    {
        var sql = request.Figure switch
        {
            PipelineFigure.OpenOpportunities => ExplainOpen,
            PipelineFigure.StageExits => ExplainExits,
            _ => ExplainEntries,
        };
        return ExplainAsync(sql, request, asOf, new { AsOf = asOf, StageId = stageId }, cancellationToken);
    }

    private static string Pipeline(string text) => text.Replace("{pipeline}", MetricSql.Pipeline("o.pipeline_id"), StringComparison.Ordinal);

    private static string ExplainExitsText(string days) => $"""
        SELECT * FROM (
            SELECT 'stage_move' AS Kind, lv.id AS Id, lv.occurred_at AS At, o.owner_id AS OwnerId, o.name AS Label, o.amount AS Amount,
                   {days} AS Value, o.id AS OpportunityId
            {ExitsFrom}
              AND lv.occurred_at >= @WindowFrom AND lv.occurred_at < @WindowTo
              AND {MetricSql.Subject("o.owner_id")} AND {MetricSql.Pipeline("o.pipeline_id")}
              AND (@StageId IS NULL OR lv.from_stage_id = @StageId)
        ) x
        {ExplainPageEnd}
        """;

    private sealed class StageRow
    {
        public Guid Id { get; init; }

        public Guid PipelineId { get; init; }

        public string Name { get; init; } = "";

        public int Position { get; init; }

        public int Probability { get; init; }

        public string Kind { get; init; } = "";

        public int? StaleAfterDays { get; init; }

        public int Archived { get; init; }
    }

    private sealed class DealRow
    {
        public Guid OpportunityId { get; init; }

        public string Name { get; init; } = "";

        public Guid OwnerId { get; init; }

        public string? OwnerName { get; init; }

        public Guid StageId { get; init; }

        public decimal Amount { get; init; }

        public DateTimeOffset EnteredAt { get; init; }

        public DateTimeOffset StageEnteredAt { get; init; }
    }
}
