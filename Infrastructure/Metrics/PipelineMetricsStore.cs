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
/// whole day spent that holds it. The explain queries read the records themselves, so they check them (a rep's or team's
/// exits and entries are found through the owner each move carries, kept equal to the opportunity's, which they also check).
/// A page is read from its cursor on, in the order of an index where one serves it (<see cref="MetricStore.ExplainSeek"/>).
/// This part holds the stages and the explain queries; the snapshot (<c>PipelineMetricsStore.Snapshot.cs</c>), stage exits,
/// norms and entries (<c>.Stages.cs</c>) and stale deals (<c>.StaleDeals.cs</c>) are parts of their own.
/// Where the moves must drive a join, it is written <c>CROSS JOIN</c> with the condition in <c>WHERE</c>: SQLite keeps that join
/// order (it would otherwise start from the few stages and read every move of each), SQL Server treats it as an inner join.
/// </summary>
public sealed partial class PipelineMetricsStore(IDbConnectionFactory connections) : MetricStore(connections), IPipelineMetricsStore
{
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

    /// <summary>
    /// The deals <see cref="OpenAt"/> counts when nothing a snapshot replays changed since <c>@AsOf</c>
    /// (<see cref="ChangedSince"/>): the deals open now, read in entry order from the open deals' entry indexes of migration 0047
    /// (whose condition <c>outcome IS NULL</c> the statement repeats: a deal has no outcome exactly while in an open stage), so
    /// the organisation's page stops after its rows; value = the probability of their stage.
    /// </summary>
    public static readonly SubjectSql ExplainOpenNow = SubjectSql.Owners("o.owner_id", owners => new($"""
        SELECT 'opportunity' AS Kind, o.id AS Id, o.stage_entered_at AS At, o.owner_id AS OwnerId, o.name AS Label, o.amount AS Amount,
               CAST(st.probability AS FLOAT) AS Value, o.id AS OpportunityId
        FROM opportunities o
        CROSS JOIN stages st
        WHERE st.id = o.stage_id AND st.kind = 'open' AND o.outcome IS NULL AND o.deleted_at IS NULL
          AND o.created_at <= @AsOf AND o.stage_entered_at <= @AsOf AND {OpenFrom("o.stage_entered_at", "o.id")}
          AND {owners ?? "1 = 1"} AND {MetricSql.Pipeline("o.pipeline_id")} AND (@StageId IS NULL OR o.stage_id = @StageId)
        ORDER BY o.stage_entered_at, o.id
        {"{limit}"}
        """));

    /// <summary>
    /// The deals <see cref="OpenAt"/> counts as of a time something changed since: the same rows, replayed through the moves
    /// left after <c>@AsOf</c> (<see cref="OpenAsOfFast"/>, <see cref="OpenAsOfMembers"/>) into a table of their own
    /// (<c>{materialized}</c>: merged into the paging query, SQLite served its order from the index on every move's instant
    /// and read the whole history, 9–15 s for the organisation on the large database), then paged; a page's names are read
    /// for its rows only.
    /// </summary>
    public static readonly SubjectSql ExplainOpenAt = new(OrganisationOpenAt(ExplainOpenAtText), new(ExplainOpenAtText(OpenAsOfMembers)));

    /// <summary>
    /// The exits <see cref="Exits"/> counts: a move <c>lv</c> leaving an open stage, with the move that entered it (<c>e</c>);
    /// value = days in the stage (the only dialect-specific part: a duration). The organisation's in time order, a rep's or
    /// team's merged from each member's range of ix_stage_moves_owner_window (the owner the move carries, which must equal
    /// the opportunity's).
    /// </summary>
    public static readonly SubjectSql ExplainExits = ExplainJoinedRecords(
        ExplainExitsColumns("CAST(lv.occurred_at - e.occurred_at AS REAL) / 86400000.0"),
        ExplainExitsColumns("CAST(DATEDIFF_BIG(millisecond, e.occurred_at, lv.occurred_at) AS FLOAT) / 86400000.0"),
        "stage_moves", "lv", "CROSS JOIN stage_moves e CROSS JOIN stages fs CROSS JOIN opportunities o", "lv.occurred_at",
        $"""
        e.opportunity_id = lv.opportunity_id AND e.move_number = lv.move_number - 1
        AND fs.id = lv.from_stage_id AND fs.kind = 'open' AND o.id = lv.opportunity_id AND o.deleted_at IS NULL AND o.owner_id = lv.owner_id
        AND {MetricSql.Pipeline("o.pipeline_id")} AND (@StageId IS NULL OR lv.from_stage_id = @StageId)
        """);

    /// <summary>
    /// The entries <see cref="Entries"/> counts: a move <c>n</c> into an open stage, with the move that next left it (<c>nx</c>,
    /// none while still there); label = the entry's fate. Read as <see cref="ExplainExits"/>.
    /// </summary>
    public static readonly SubjectSql ExplainEntries = ExplainJoinedRecords(ExplainEntriesColumns, ExplainEntriesColumns,
        "stage_moves", "n",
        """
        CROSS JOIN stages s
        CROSS JOIN opportunities o
        LEFT JOIN stage_moves nx ON nx.opportunity_id = n.opportunity_id AND nx.move_number = n.move_number + 1
        LEFT JOIN stages ns ON ns.id = nx.to_stage_id
        """,
        "n.occurred_at",
        $"""
        s.id = n.to_stage_id AND s.kind = 'open' AND o.id = n.opportunity_id AND o.deleted_at IS NULL AND o.owner_id = n.owner_id
        AND {MetricSql.Pipeline("o.pipeline_id")} AND (@StageId IS NULL OR n.to_stage_id = @StageId)
        """);

    private const string ExplainEntriesColumns = $"""
        'stage_move' AS Kind, n.id AS Id, n.occurred_at AS At, o.owner_id AS OwnerId, {Fate} AS Label,
        o.amount AS Amount, NULL AS Value, o.id AS OpportunityId
        """;

    public async Task<IReadOnlyList<StageInfo>> StagesAsync(Guid? pipelineId, CancellationToken cancellationToken) =>
        (await QueryAsync<StageRow>(Stages, new { PipelineId = pipelineId }, cancellationToken))
        .Select(s => new StageInfo(s.Id, s.PipelineId, s.Name, s.Position, s.Probability, Enum.Parse<StageKind>(s.Kind, ignoreCase: true),
            s.StaleAfterDays, s.Archived != 0))
        .ToList();

    public async Task<Page<MetricRecord>> ExplainAsync(
        ExplainRequest<PipelineFigure> request, DateTimeOffset asOf, Guid? stageId, CancellationToken cancellationToken)
    {
        var statement = request.Figure switch
        {
            PipelineFigure.OpenOpportunities when (await QueryAsync<int>(ChangedSince, new { AsOf = asOf }, cancellationToken))[0] == 0 => ExplainOpenNow,
            PipelineFigure.OpenOpportunities => ExplainOpenAt,
            PipelineFigure.StageExits => ExplainExits,
            _ => ExplainEntries,
        };
        var openFrom = request.After?.At ?? DateTimeOffset.MinValue;
        return await ExplainAsync(statement.For(request.Scope.Subject), request, asOf, new { AsOf = asOf, StageId = stageId, OpenFrom = openFrom }, cancellationToken);
    }

    /// <summary>
    /// <see cref="MetricStore.ExplainSeek"/> for the deals open now, which have no window: their entry instants from the cursor's
    /// (<c>@OpenFrom</c>, the earliest instant on the first page) on, a deal entered at the cursor's instant only after its id.
    /// </summary>
    private static string OpenFrom(string at, string id) => $"{at} >= @OpenFrom AND {Keyset.Ascending(at, id)}";

    private static string Pipeline(string text) => text.Replace("{pipeline}", MetricSql.Pipeline("o.pipeline_id"), StringComparison.Ordinal);

    private static string ExplainExitsColumns(string days) => $"""
        'stage_move' AS Kind, lv.id AS Id, lv.occurred_at AS At, o.owner_id AS OwnerId, o.name AS Label, o.amount AS Amount,
        {days} AS Value, o.id AS OpportunityId
        """;

    private static string ExplainOpenAtText(string openAsOf) => $"""
        WITH y AS {"{materialized}"} ({Pipeline(openAsOf)})
        SELECT p.Kind, p.Id, p.At, p.OwnerId, n.name AS Label, p.Amount, p.Value, p.OpportunityId
        FROM (
            SELECT * FROM (
                SELECT 'opportunity' AS Kind, y.OpportunityId AS Id, y.EnteredAt AS At, y.OwnerId AS OwnerId, y.Amount AS Amount,
                       CAST(st.probability AS FLOAT) AS Value, y.OpportunityId AS OpportunityId
                FROM y
                JOIN stages st ON st.id = y.StageId
                WHERE {MetricSql.Subject("y.OwnerId")} AND (@StageId IS NULL OR y.StageId = @StageId)
            ) x
            {ExplainPageEnd}
        ) p
        JOIN opportunities n ON n.id = p.Id
        ORDER BY p.At, p.Id
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
