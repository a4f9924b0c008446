using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.FollowUps;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// Section B, every figure from day rollups kept exact by triggers, tallied per span in SQL: forward stage moves per stage
/// left and follow-up count (stage_move_follow_up_days, migration 0021), won and lost deals per follow-up count
/// (closed_deal_follow_up_days, 0031), completed and on-time counts (follow_up_days, 0013) and late follow-ups per whole
/// hour late with their summed lateness (late_follow_up_days, 0038), then the exact lateness of only the late follow-ups in
/// the hour(s) holding each span's middle rank(s) (ix_follow_ups_late_hour); a pipeline's completed and late follow-ups
/// are read from the records. Averages and medians are worked out in the application from the tallies. Explain reads the
/// records.
/// </summary>
public sealed class FollowUpMetricsStore(IDbConnectionFactory connections, TimeProvider clock) : MetricStore(connections), IFollowUpMetricsStore
{
    /// <summary>
    /// Completed follow-ups on the opportunity from entering the stage it left (inclusive) to leaving it (exclusive), counted
    /// from the records (explain); the figures read the same count from <c>m.follow_ups_in_stage</c>.
    /// </summary>
    private const string FollowUpsInStage = """
        (SELECT COUNT(*) FROM follow_ups f
         JOIN stage_moves p ON p.opportunity_id = m.opportunity_id AND p.move_number = m.move_number - 1
         WHERE f.opportunity_id = m.opportunity_id AND f.status = 'completed' AND f.deleted_at IS NULL
           AND f.completed_at >= p.occurred_at AND f.completed_at < m.occurred_at)
        """;

    /// <summary>Completed follow-ups over the deal's life, up to and including its close, from the records (explain; figures read <c>o.follow_ups_at_close</c>).</summary>
    private const string FollowUpsBeforeClose = """
        (SELECT COUNT(*) FROM follow_ups f
         WHERE f.opportunity_id = o.id AND f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at <= o.closed_at)
        """;

    /// <summary>
    /// Each span's forward moves from <c>stage_move_follow_up_days</c> (kept exact by triggers, migration 0021): per stage left
    /// and follow-up count, how many; forwardness and the pipeline are decided here from the stages as they are, as
    /// the explain (<see cref="ExplainAdvances"/>) does (spans start at local midnight, so whole days fall in a span).
    /// </summary>
    public static readonly Sql Advances = new($"""
        SELECT s.idx AS Idx, fs.id AS StageId, fs.name AS StageName, fs.position AS Position, fs.pipeline_id AS PipelineId,
               d.follow_ups AS FollowUps, SUM(d.moves) AS Moves
        FROM {"{spans}"} s
        JOIN stage_move_follow_up_days d ON d.day >= s.from_day AND d.day < s.to_day
        CROSS JOIN stages fs
        CROSS JOIN stages ts
        WHERE {MetricSql.RollupOwners("d.owner_id")}
          AND fs.id = d.from_stage_id AND ts.id = d.to_stage_id
          AND fs.kind = 'open' AND ts.pipeline_id = fs.pipeline_id AND ((ts.kind = 'open' AND ts.position > fs.position) OR ts.kind = 'won')
          AND {MetricSql.Pipeline("fs.pipeline_id")}
        GROUP BY s.idx, fs.id, fs.name, fs.position, fs.pipeline_id, d.follow_ups
        HAVING SUM(d.moves) > 0
        """);

    /// <summary>Each span's won and lost deals per follow-up count, from <c>closed_deal_follow_up_days</c> (kept exact by triggers, migration 0031).</summary>
    public static readonly Sql Deals = new($"""
        SELECT s.idx AS Idx, d.outcome AS Outcome, d.follow_ups AS FollowUps, SUM(d.deals) AS Deals
        FROM {"{spans}"} s
        JOIN closed_deal_follow_up_days d ON d.day >= s.from_day AND d.day < s.to_day
        WHERE {MetricSql.RollupOwners("d.owner_id")} AND {MetricSql.Pipeline("d.pipeline_id")}
        GROUP BY s.idx, d.outcome, d.follow_ups
        HAVING SUM(d.deals) > 0
        """);

    /// <summary>Completed and on-time follow-ups per span from follow_up_days (kept exact by triggers): every pipeline.</summary>
    public static readonly Sql CountCompleted = new($"""
        SELECT s.idx AS Idx, SUM(d.completed) AS Completed, SUM(d.completed_on_time) AS OnTime
        FROM {"{spans}"} s
        JOIN follow_up_days d ON d.day >= s.from_day AND d.day < s.to_day
        WHERE {MetricSql.RollupOwners("d.owner_id")}
        GROUP BY s.idx
        """);

    /// <summary>The same counts for one pipeline, from the records (the day rollups have no pipeline).</summary>
    public static readonly Sql CountCompletedInPipeline = new($"""
        SELECT s.idx AS Idx, COUNT(*) AS Completed, SUM(CASE WHEN f.completed_at <= f.due_at THEN 1 ELSE 0 END) AS OnTime
        FROM {"{spans}"} s
        JOIN follow_ups f ON f.completed_at >= s.from_at AND f.completed_at < s.to_at
        WHERE f.status = 'completed' AND f.deleted_at IS NULL AND {MetricSql.Subject("f.owner_id")}
          AND f.opportunity_id IN (SELECT po.id FROM opportunities po WHERE po.pipeline_id = @PipelineId)
        GROUP BY s.idx
        """);

    /// <summary>
    /// Each span's follow-ups completed after their due time per whole hour late (rounded up), with their summed lateness in
    /// ms, from <c>late_follow_up_days</c> (kept exact by triggers, migration 0038): every pipeline.
    /// </summary>
    public static readonly Sql Late = new($"""
        SELECT s.idx AS Idx, d.late_hour AS Hour, SUM(d.follow_ups) AS FollowUps, SUM(d.late_ms) AS LateMs
        FROM {"{spans}"} s
        JOIN late_follow_up_days d ON d.day >= s.from_day AND d.day < s.to_day
        WHERE {MetricSql.RollupOwners("d.owner_id")}
        GROUP BY s.idx, d.late_hour
        HAVING SUM(d.follow_ups) > 0
        """);

    /// <summary>
    /// The due and completion times of the subject's late follow-ups of each target: one span, one whole hour late (an hour
    /// that holds a span's middle rank), read from the index on (late hour, completion).
    /// </summary>
    public static readonly Sql TargetLate = new(
        TargetLateText(HourTarget.SqliteTable), TargetLateText(HourTarget.SqlServerTable));

    /// <summary>The late follow-ups of one pipeline, one row each, from the records (read from the partial index of the late ones).</summary>
    public static readonly Sql LateInPipeline = new($"""
        SELECT s.idx AS Idx, f.completed_at AS CompletedAt, f.due_at AS DueAt
        FROM {"{spans}"} s
        JOIN follow_ups f ON f.completed_at >= s.from_at AND f.completed_at < s.to_at
        WHERE f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at > f.due_at AND {MetricSql.Subject("f.owner_id")}
          AND f.opportunity_id IN (SELECT po.id FROM opportunities po WHERE po.pipeline_id = @PipelineId)
        """);

    /// <summary>
    /// Forward moves in the window from the cursor on: from an open stage to a later open stage of the same pipeline, or to its
    /// Won stage (the creation move has no from stage, so it never qualifies). The organisation's in time order
    /// (ix_stage_moves_occurred_follow_ups), a rep's or team's merged from each member's range of ix_stage_moves_owner_window
    /// (the move's copy of its deal's owner, kept by triggers; the deal's owner is checked too). The moves drive the join
    /// (<c>CROSS JOIN</c>: SQLite keeps that order; otherwise it may start from the few stages and read every move ever made
    /// from each).
    /// </summary>
    public static readonly SubjectSql ExplainAdvances = ExplainJoinedRecords(ExplainAdvancesColumns, ExplainAdvancesColumns,
        "stage_moves", "m", "CROSS JOIN stages fs CROSS JOIN stages ts CROSS JOIN opportunities o", "m.occurred_at",
        $"""
        fs.id = m.from_stage_id AND ts.id = m.to_stage_id AND o.id = m.opportunity_id AND o.deleted_at IS NULL AND o.owner_id = m.owner_id
        AND fs.kind = 'open' AND ts.pipeline_id = fs.pipeline_id AND ((ts.kind = 'open' AND ts.position > fs.position) OR ts.kind = 'won')
        AND {MetricSql.Pipeline("fs.pipeline_id")}
        """);

    /// <summary>
    /// Won, lost or early-given-up deals closed in the window from the cursor on, one statement a figure: the organisation's in
    /// close order (ix_opportunities_closed_follow_ups), a rep's or team's merged from each member's range of
    /// ix_opportunities_owner_closed_follow_ups.
    /// </summary>
    public static readonly SubjectSql ExplainWonDeals = ExplainDealsFor("o.outcome = 'won'");

    public static readonly SubjectSql ExplainLostDeals = ExplainDealsFor("o.outcome = 'lost'");

    public static readonly SubjectSql ExplainEarlyGiveUps = ExplainDealsFor($"o.outcome = 'lost' AND {FollowUpsBeforeClose} <= 1");

    /// <summary>
    /// The completed follow-ups behind timeliness (with a pipeline, those on its opportunities), a page by completion from the
    /// cursor (<see cref="MetricStore.ExplainRecords(string, string, string, string, string, string)"/>: the organisation's in
    /// completion order, a rep's or team's merged from each member's own page); Value: hours late (0 when completed by the due
    /// time), the one timestamp difference, so its columns are per dialect.
    /// </summary>
    public static readonly SubjectSql ExplainCompletedFollowUps = ExplainFollowUpsWhere("1 = 1");

    /// <summary>Those completed after their due time (the late indexes of migration 0021 hold just these).</summary>
    public static readonly SubjectSql ExplainLateFollowUps = ExplainFollowUpsWhere("f.completed_at > f.due_at");

    public async Task<FollowUpRows> ReadAsync(MetricScope scope, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow(); // no figure here depends on now; every metric statement binds it
        var advances = await SpanQueryAsync<AdvanceRow>(Advances, scope, now, null, cancellationToken);
        var deals = await SpanQueryAsync<DealRow>(Deals, scope, now, null, cancellationToken);
        var inPipeline = scope.PipelineId is not null;
        var counts = await SpanQueryAsync<CompletedCountRow>(inPipeline ? CountCompletedInPipeline : CountCompleted, scope, now, null, cancellationToken);
        var (late, lateMiddles) = inPipeline ? await LateInPipelineAsync(scope, now, cancellationToken) : await LateAsync(scope, now, cancellationToken);
        return new FollowUpRows(
            advances.Select(a => new StageAdvances(a.Idx, a.StageId, a.StageName, (int)a.Position, a.PipelineId, a.FollowUps, a.Moves)).ToList(),
            deals.Select(d => new ClosedDeals(d.Idx, d.Outcome == "won", d.FollowUps, d.Deals)).ToList(),
            counts.ToDictionary(c => c.Idx, c => new CompletedFollowUps(c.Completed, c.OnTime)),
            late,
            lateMiddles);
    }

    public Task<Page<MetricRecord>> ExplainAsync(ExplainRequest<FollowUpFigure> request, CancellationToken cancellationToken)
    {
        var sql = request.Figure switch
        {
            FollowUpFigure.StageAdvances => ExplainAdvances.For(request.Scope.Subject),
            FollowUpFigure.WonDeals => ExplainWonDeals.For(request.Scope.Subject),
            FollowUpFigure.LostDeals => ExplainLostDeals.For(request.Scope.Subject),
            FollowUpFigure.EarlyGiveUps => ExplainEarlyGiveUps.For(request.Scope.Subject),
            FollowUpFigure.CompletedFollowUps => ExplainCompletedFollowUps.For(request.Scope.Subject),
            _ => ExplainLateFollowUps.For(request.Scope.Subject),
        };
        return ExplainAsync(sql, request, clock.GetUtcNow(), null, cancellationToken);
    }

    /// <summary>
    /// Late follow-ups per span and whole hour from the rollup, then the exact lateness of the follow-ups in the one or two
    /// hours holding each span's middle rank(s), all spans in one read: the cost follows the window's days and the follow-ups
    /// of those few hours, not every late follow-up.
    /// </summary>
    private async Task<(IReadOnlyList<LateHour> Hours, IReadOnlyList<LateHourValues> Middles)> LateAsync(
        MetricScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hours = (await SpanQueryAsync<LateHourRow>(Late, scope, now, null, cancellationToken))
            .Select(r => new LateHour(r.Idx, r.Hour, r.FollowUps, r.LateMs)).ToList();
        var targets = hours.GroupBy(h => h.Span)
            .SelectMany(span => LateHours.Middle(span).Select(m => m.Hour))
            .Select((hour, index) => new HourTarget(index, scope.Spans[hour.Span], hour.Hour))
            .ToList();
        if (targets.Count == 0)
        {
            return (hours, []);
        }

        var read = (await SpanQueryAsync<TargetLateRow>(TargetLate, scope, now, new { Targets = HourTarget.Json(targets) }, cancellationToken))
            .ToLookup(r => r.Target, r => (long)(r.CompletedAt - r.DueAt).TotalMilliseconds);
        return (hours, targets.Select(t => new LateHourValues(t.Span.Index, t.Hour, read[t.Index].ToList())).ToList());
    }

    /// <summary>A pipeline's late follow-ups, read one by one and tallied here by span and hour as the rollup and the middle hours' read give them.</summary>
    private async Task<(IReadOnlyList<LateHour> Hours, IReadOnlyList<LateHourValues> Middles)> LateInPipelineAsync(
        MetricScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await SpanQueryAsync<LateRow>(LateInPipeline, scope, now, null, cancellationToken);
        return LateHours.Of(rows.Select(r => (r.Idx, (long)(r.CompletedAt - r.DueAt).TotalMilliseconds)));
    }

    private static string TargetLateText(string targets) => $"""
        SELECT t.i AS Target, f.completed_at AS CompletedAt, f.due_at AS DueAt
        FROM {targets} t
        CROSS JOIN follow_ups f
        WHERE f.late_hour = t.hour AND f.completed_at >= t.from_at AND f.completed_at < t.to_at
          AND f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at > f.due_at AND {MetricSql.Subject("f.owner_id")}
        """;

    private const string ExplainAdvancesColumns = $"""
        'stage_move' AS Kind, m.id AS Id, m.occurred_at AS At, o.owner_id AS OwnerId, fs.name AS Label, NULL AS Amount,
        CAST({FollowUpsInStage} AS FLOAT) AS Value, m.opportunity_id AS OpportunityId
        """;

    /// <summary>The closed deals behind a deal figure (<paramref name="figure"/>: the condition on o), by close time; Value: completed follow-ups up to the close.</summary>
    private static SubjectSql ExplainDealsFor(string figure) => ExplainRecords(
        $"""
        'opportunity' AS Kind, o.id AS Id, o.closed_at AS At, o.owner_id AS OwnerId, o.name AS Label, o.amount AS Amount,
        CAST({FollowUpsBeforeClose} AS FLOAT) AS Value, o.id AS OpportunityId
        """,
        "opportunities", "o", "o.closed_at",
        $"o.outcome IN ('won', 'lost') AND o.deleted_at IS NULL AND {MetricSql.Pipeline("o.pipeline_id")} AND {figure}");

    private static SubjectSql ExplainFollowUpsWhere(string condition) => ExplainRecords(
        FollowUpColumns("(f.completed_at - f.due_at) / 3600000.0"),
        FollowUpColumns("DATEDIFF_BIG(millisecond, f.due_at, f.completed_at) / 3600000.0"),
        "follow_ups", "f", "f.completed_at",
        $"""
        f.status = 'completed' AND f.deleted_at IS NULL AND {condition}
        AND (@PipelineId IS NULL OR f.opportunity_id IN (SELECT po.id FROM opportunities po WHERE po.pipeline_id = @PipelineId))
        """);

    private static string FollowUpColumns(string hoursLate) => $"""
        'follow_up' AS Kind, f.id AS Id, f.completed_at AS At, f.owner_id AS OwnerId, f.channel AS Label, NULL AS Amount,
        CAST(CASE WHEN f.completed_at > f.due_at THEN {hoursLate} ELSE 0 END AS FLOAT) AS Value, f.opportunity_id AS OpportunityId
        """;

    private sealed class AdvanceRow
    {
        public int Idx { get; init; }

        public Guid StageId { get; init; }

        public string StageName { get; init; } = "";

        public long Position { get; init; }

        public Guid PipelineId { get; init; }

        public long FollowUps { get; init; }

        public long Moves { get; init; }
    }

    private sealed class DealRow
    {
        public int Idx { get; init; }

        public string Outcome { get; init; } = "";

        public long FollowUps { get; init; }

        public long Deals { get; init; }
    }

    private sealed class CompletedCountRow
    {
        public int Idx { get; init; }

        public long Completed { get; init; }

        public long OnTime { get; init; }
    }

    private sealed class LateHourRow
    {
        public int Idx { get; init; }

        public long Hour { get; init; }

        public long FollowUps { get; init; }

        public long LateMs { get; init; }
    }

    private sealed class TargetLateRow
    {
        public int Target { get; init; }

        public DateTimeOffset CompletedAt { get; init; }

        public DateTimeOffset DueAt { get; init; }
    }

    private sealed class LateRow
    {
        public int Idx { get; init; }

        public DateTimeOffset CompletedAt { get; init; }

        public DateTimeOffset DueAt { get; init; }
    }
}
