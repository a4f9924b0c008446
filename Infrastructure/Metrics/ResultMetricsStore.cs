using System.Text.Json;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.Results;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>Results (won, lost, open, lost reasons) and leads (conversion, response time), and the records behind them.</summary>
public sealed class ResultMetricsStore(IDbConnectionFactory connections) : MetricStore(connections), IResultMetricsStore
{
    /// <summary>The deals of the subject and pipeline, soft-deleted ones never.</summary>
    private static readonly string Deals = MetricSql.LiveDeals(MetricSql.Subject("o.owner_id"));

    /// <summary>The rollup rows of the subject and pipeline.</summary>
    private static readonly string DayRows = $"{MetricSql.RollupOwners("d.owner_id")} AND {MetricSql.Pipeline("d.pipeline_id")}";

    /// <summary>Open at an instant: the last stage move before it entered an open stage (the history is append-only and in order).</summary>
    private static string OpenAt(string instant) => $"""
        o.created_at < {instant}
        AND EXISTS (SELECT 1 FROM stage_moves m JOIN stages st ON st.id = m.to_stage_id
                    WHERE m.opportunity_id = o.id AND st.kind = 'open'
                      AND m.move_number = (SELECT MAX(m2.move_number) FROM stage_moves m2 WHERE m2.opportunity_id = o.id AND m2.occurred_at < {instant}))
        """;

    /// <summary>The close key of a deal still open in ix_opportunities_open_since (SQLite stores instants as Unix ms): the end of time.</summary>
    private const string SqliteEndOfTime = "9223372036854775807";

    /// <summary>Days from creation to close, and hours from a lead's creation to its first activity (an aggregate over its activities <c>a</c>).</summary>
    private const string SqliteCycleDays = "CAST(o.closed_at - o.created_at AS FLOAT) / 86400000.0";
    private const string SqlServerCycleDays = "CAST(DATEDIFF_BIG(MILLISECOND, o.created_at, o.closed_at) AS FLOAT) / 86400000.0";
    private const string SqliteResponseHours = "CAST(MIN(a.occurred_at) - l.created_at AS FLOAT) / 3600000.0";
    private const string SqlServerResponseHours = "CAST(DATEDIFF_BIG(MILLISECOND, l.created_at, MIN(a.occurred_at)) AS FLOAT) / 3600000.0";

    /// <summary>
    /// The won deals closed in the window (the medians need each one): the organisation's from the covering index
    /// ix_opportunities_won_deals, a rep's or team's from each member's range of ix_opportunities_owner_won.
    /// </summary>
    public static readonly SubjectSql WonDeals = SubjectSql.Owners("o.owner_id", owners => new($"""
        SELECT o.amount AS Amount, o.created_at AS CreatedAt, o.closed_at AS ClosedAt
        FROM opportunities o
        WHERE o.outcome = 'won' AND o.closed_at >= @WindowFrom AND o.closed_at < @WindowTo AND {MetricSql.LiveDeals(owners)}
        """));

    /// <summary>Deals lost per span, from the day rollup (opportunity_days, kept exact by triggers).</summary>
    public static readonly Sql LostPerSpan = new($"""
        SELECT s.idx AS Idx, SUM(d.lost) AS Count
        FROM {"{spans}"} s
        JOIN opportunity_days d ON d.day >= s.from_day AND d.day < s.to_day
        WHERE {DayRows}
        GROUP BY s.idx
        """);

    /// <summary>
    /// Open at each span's end (the start of its last local day): the deals open after their latest move, less the
    /// moves that opened (plus) or closed (minus) them from that day on, from the rollups kept exact by triggers.
    /// </summary>
    public static readonly Sql OpenAtSpanEnds = new($"""
        SELECT s.idx AS Idx,
               (SELECT COALESCE(SUM(t.open_count), 0) FROM opportunity_open_totals t
                WHERE {MetricSql.Subject("t.owner_id")} AND {MetricSql.Pipeline("t.pipeline_id")})
             - (SELECT COALESCE(SUM(d.opened - d.closed), 0) FROM opportunity_days d
                WHERE d.day >= s.to_day AND {DayRows}) AS Count
        FROM {"{spans}"} s
        """);

    /// <summary>Deals lost in the window by lost reason (none: the empty id), from the day rollup (lost_reason_days, kept exact by triggers).</summary>
    public static readonly Sql LostReasons = new($"""
        SELECT NULLIF(d.lost_reason_id, @NoLostReason) AS LostReasonId, lr.name AS Name, SUM(d.lost) AS Count, SUM(d.lost_amount) AS Amount
        FROM lost_reason_days d
        LEFT JOIN lost_reasons lr ON lr.id = d.lost_reason_id
        WHERE d.day >= @WindowFromDay AND d.day < @WindowToDay AND {DayRows}
        GROUP BY d.lost_reason_id, lr.name
        HAVING SUM(d.lost) <> 0
        ORDER BY SUM(d.lost) DESC, SUM(d.lost_amount) DESC, lr.name
        """);

    /// <summary>Deals lost in the window by competitor (none: ''), from the same rollup.</summary>
    public static readonly Sql LostCompetitors = new($"""
        SELECT NULLIF(d.competitor, '') AS Competitor, SUM(d.lost) AS Count, SUM(d.lost_amount) AS Amount
        FROM lost_reason_days d
        WHERE d.day >= @WindowFromDay AND d.day < @WindowToDay AND {DayRows}
        GROUP BY d.competitor
        HAVING SUM(d.lost) <> 0
        ORDER BY SUM(d.lost) DESC, SUM(d.lost_amount) DESC, NULLIF(d.competitor, '')
        """);

    /// <summary>
    /// The won, lost or closed deals closed in the window, from the cursor on: the organisation's read in close order from
    /// ix_opportunities_won_deals, ix_opportunities_lost_deals or ix_opportunities_closed_follow_ups, a rep's or team's from
    /// each member's range of ix_opportunities_owner_won or ix_opportunities_owner_closed_follow_ups.
    /// </summary>
    public static readonly SubjectSql ExplainWonDeals = ExplainClosed("o.outcome = 'won'");

    public static readonly SubjectSql ExplainLostDeals = ExplainClosed("o.outcome = 'lost'");

    public static readonly SubjectSql ExplainClosedDeals = ExplainClosed("o.outcome IN ('won', 'lost')");

    /// <summary>
    /// The deals that may be open at the window's end, oldest first from the cursor on: created before it and open now, or
    /// closed since (a deal closed before it and never reopened was not open then; a reopen clears the close). A superset
    /// of <see cref="ExplainOpenDeals"/>'s rows, read in pages by <see cref="ExplainOpenAsync"/>. The organisation's are one
    /// range of ix_opportunities_open_since (0046: open ones keyed as closing at the end of time) on SQLite, the two ranges of
    /// it on SQL Server; a rep's or team's come from each member's open and closed deals.
    /// </summary>
    public static readonly SubjectSql OpenCandidates = new(
        new(OpenCandidatesText($"COALESCE(o.closed_at, {SqliteEndOfTime}) >= @WindowTo", "+o.created_at"),
            OpenCandidatesText("(o.closed_at IS NULL OR o.closed_at >= @WindowTo)", "o.created_at")),
        new(OpenMemberCandidatesText("+o.created_at"), OpenMemberCandidatesText("o.created_at")));

    /// <summary>The candidates (<c>@Ids</c>) open at the window's end by the stage history, with their explain rows, oldest first.</summary>
    public static readonly Sql ExplainOpenDeals = new(
        ExplainOpenDealsText("SELECT c.value FROM json_each(@Ids) c"), ExplainOpenDealsText("SELECT c.id FROM OPENJSON(@Ids) WITH (id UNIQUEIDENTIFIER '$') c"));

    /// <summary>
    /// The subject's live leads created in each span by whole hours to their first logged activity rounded up (-1: none, 0: at
    /// or before the creation), with the converted ones and the sum of the response times (ms), from the day rollup kept by
    /// triggers (lead_days, organisation rows for the organisation).
    /// </summary>
    public static readonly Sql LeadResponseHours = new($"""
        SELECT s.idx AS SpanIndex, d.response_hour AS ResponseHour, SUM(d.leads) AS Leads, SUM(d.converted) AS Converted,
               SUM(d.response_ms) AS ResponseMs
        FROM {"{spans}"} s
        CROSS JOIN lead_days d
        WHERE d.day >= s.from_day AND d.day < s.to_day AND {MetricSql.RollupOwners("d.owner_id")}
        GROUP BY s.idx, d.response_hour
        """);

    /// <summary>
    /// The creation and first activity of the subject's live leads of each target: one span, one whole hour of response time
    /// (the hour that holds a span's middle rank), read from the index on (response hour, creation).
    /// </summary>
    public static readonly Sql TargetLeadResponses = new(
        TargetLeadResponsesText(HourTarget.SqliteTable), TargetLeadResponsesText(HourTarget.SqlServerTable));

    /// <summary>
    /// The leads behind each lead figure, one statement a figure, read by creation from the cursor on: the organisation's from
    /// the creation index, a rep's or team's merged from each member's range of ix_leads_owner.
    /// </summary>
    public static readonly SubjectSql ExplainLeadsCreated = ExplainLeadsFor("1 = 1");

    public static readonly SubjectSql ExplainLeadsConverted = ExplainLeadsFor("(l.status = 'converted' OR l.converted_opportunity_id IS NOT NULL)");

    public static readonly SubjectSql ExplainLeadsResponded = ExplainLeadsFor($"{FirstActivity} IS NOT NULL");

    /// <summary>The lead's first live activity, the start of its response time (the figures read it from <c>leads.first_activity_at</c>).</summary>
    private const string FirstActivity = "(SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = l.id AND a.deleted_at IS NULL)";

    public async Task<IReadOnlyList<WonDeal>> WonDealsAsync(MetricScope scope, CancellationToken cancellationToken) =>
        (await SpanQueryAsync<WonRow>(WonDeals.For(scope.Subject), scope, DateTimeOffset.UtcNow, null, cancellationToken))
            .Select(r => new WonDeal(r.Amount, r.CreatedAt, r.ClosedAt))
            .ToList();

    public async Task<IReadOnlyDictionary<int, long>> LostPerSpanAsync(MetricScope scope, CancellationToken cancellationToken) =>
        (await SpanQueryAsync<SpanCount>(LostPerSpan, scope, DateTimeOffset.UtcNow, null, cancellationToken)).ToDictionary(r => r.Idx, r => r.Count);

    public async Task<IReadOnlyDictionary<int, long>> OpenAtSpanEndsAsync(MetricScope scope, CancellationToken cancellationToken) =>
        (await SpanQueryAsync<SpanCount>(OpenAtSpanEnds, scope, DateTimeOffset.UtcNow, null, cancellationToken)).ToDictionary(r => r.Idx, r => r.Count);

    public async Task<IReadOnlyList<LostReasonRow>> LostReasonsAsync(MetricScope scope, CancellationToken cancellationToken) =>
        (await SpanQueryAsync<GroupRow>(LostReasons, scope, DateTimeOffset.UtcNow, new { NoLostReason = Guid.Empty }, cancellationToken))
            .Select(r => new LostReasonRow(r.LostReasonId, r.Name, r.Count, r.Amount, null))
            .ToList();

    public async Task<IReadOnlyList<LostCompetitorRow>> LostCompetitorsAsync(MetricScope scope, CancellationToken cancellationToken) =>
        (await SpanQueryAsync<GroupRow>(LostCompetitors, scope, DateTimeOffset.UtcNow, null, cancellationToken))
            .Select(r => new LostCompetitorRow(r.Competitor, r.Count, r.Amount, null))
            .ToList();

    public Task<Page<MetricRecord>> ExplainAsync(ExplainRequest<ResultFigure> request, CancellationToken cancellationToken)
    {
        var sql = request.Figure switch
        {
            ResultFigure.WonDeals => ExplainWonDeals,
            ResultFigure.LostDeals => ExplainLostDeals,
            ResultFigure.ClosedDeals => ExplainClosedDeals,
            _ => null,
        };
        return sql is null
            ? ExplainOpenAsync(request, cancellationToken)
            : ExplainAsync(sql.For(request.Scope.Subject), request, DateTimeOffset.UtcNow, null, cancellationToken);
    }

    /// <summary>
    /// The deals open at the window's end, a page from the cursor on: the candidates (<see cref="OpenCandidates"/>, a sorted read
    /// of the few deals open now or closed since) a chunk at a time, kept when the stage history says they were open then
    /// (<see cref="ExplainOpenDeals"/>), until the page is full or the candidates run out. Deciding a candidate costs a few index
    /// seeks, so only the chunks a page needs are decided, not every deal open then.
    /// </summary>
    private async Task<Page<MetricRecord>> ExplainOpenAsync(ExplainRequest<ResultFigure> request, CancellationToken cancellationToken)
    {
        var chunk = (request.Limit + 1) * 2;
        var rows = new List<MetricRecord>();
        var after = request.After;
        while (rows.Count <= request.Limit)
        {
            var parameters = MetricSql.Parameters(request.Scope, DateTimeOffset.UtcNow);
            parameters.AddDynamicParams(new { AfterAt = after?.At, AfterId = after?.Id, Limit = chunk });
            var candidates = await QueryAsync<OpenCandidate>(OpenCandidates.For(request.Scope.Subject), parameters, cancellationToken);
            if (candidates.Count == 0)
            {
                break;
            }

            parameters.AddDynamicParams(new { Ids = JsonSerializer.Serialize(candidates.Select(c => c.Id)) });
            rows.AddRange(await ExplainRowsAsync(ExplainOpenDeals, parameters, cancellationToken));
            if (candidates.Count < chunk)
            {
                break;
            }

            after = new ExplainPosition(candidates[^1].At, candidates[^1].Id);
        }

        var items = rows.Take(request.Limit).ToList();
        return new Page<MetricRecord>(items, rows.Count > request.Limit ? ExplainPaging.Encode(items[^1]) : null);
    }

    /// <summary>
    /// Counts and total response time per span from the day rollup; the middle response(s) from the leads of the one or two
    /// whole hours that hold the middle ranks (found by summing the hour counts in order; hour 0 holds only zeros, so it is
    /// not read), all spans in one read. The cost follows the window's days and the leads of those few hours, not every lead.
    /// </summary>
    public async Task<IReadOnlyList<LeadSpan>> LeadsAsync(MetricScope scope, CancellationToken cancellationToken)
    {
        var hours = await SpanQueryAsync<LeadHourRow>(LeadResponseHours, scope, DateTimeOffset.UtcNow, null, cancellationToken);
        var spans = hours.GroupBy(h => h.SpanIndex)
            .Select(g => (SpanIndex: g.Key, Hours: g.Where(h => h.Leads != 0).OrderBy(h => h.ResponseHour).ToList()))
            .ToList();
        var targets = new List<HourTarget>();
        var zeros = new Dictionary<int, List<double>>();
        foreach (var (spanIndex, spanHours) in spans)
        {
            var responded = spanHours.Where(h => h.ResponseHour >= 0).ToList();
            foreach (var (hour, ranks) in MiddleRanks.Holding(responded, h => h.Leads))
            {
                if (hour.ResponseHour == 0)
                {
                    zeros[spanIndex] = [.. ranks.Select(_ => 0.0)];
                }
                else
                {
                    targets.Add(new HourTarget(targets.Count, scope.Spans[spanIndex], hour.ResponseHour, ranks));
                }
            }
        }

        var read = targets.Count == 0
            ? []
            : await SpanQueryAsync<TargetResponse>(TargetLeadResponses, scope, DateTimeOffset.UtcNow, new { Targets = HourTarget.Json(targets) }, cancellationToken);
        var responses = read.ToLookup(r => r.Target, r => Math.Max(0, (r.FirstActivityAt - r.CreatedAt).TotalHours));
        var middles = targets.ToLookup(t => t.Span.Index, t =>
        {
            var sorted = responses[t.Index].Order().ToList();
            return t.Ranks!.Select(r => sorted[(int)r]);
        });
        return spans.Select(s => new LeadSpan(
                s.SpanIndex,
                s.Hours.Sum(h => h.Leads),
                s.Hours.Sum(h => h.Converted),
                s.Hours.Where(h => h.ResponseHour >= 0).Sum(h => h.Leads),
                s.Hours.Sum(h => h.ResponseMs),
                [.. zeros.GetValueOrDefault(s.SpanIndex, []), .. middles[s.SpanIndex].SelectMany(m => m)]))
            .ToList();
    }

    public Task<Page<MetricRecord>> ExplainLeadsAsync(ExplainRequest<LeadFigure> request, CancellationToken cancellationToken)
    {
        var sql = request.Figure switch
        {
            LeadFigure.LeadsConverted => ExplainLeadsConverted,
            LeadFigure.LeadsResponded => ExplainLeadsResponded,
            _ => ExplainLeadsCreated,
        };
        return ExplainAsync(sql.For(request.Scope.Subject), request, DateTimeOffset.UtcNow, null, cancellationToken);
    }

    /// <summary>
    /// The deals behind a closed figure by close time (Value: cycle days of a won deal); <paramref name="outcome"/> picks the
    /// figure's. The organisation's in close order, a rep's or team's merged from each member's closed deals.
    /// </summary>
    private static SubjectSql ExplainClosed(string outcome) => ExplainRecords(
        ExplainClosedColumns(SqliteCycleDays), ExplainClosedColumns(SqlServerCycleDays), "opportunities", "o", "o.closed_at",
        $"{outcome} AND {MetricSql.LiveDeals(null)}");

    private static string ExplainClosedColumns(string cycleDays) => $"""
        'opportunity' AS Kind, o.id AS Id, o.closed_at AS At, o.owner_id AS OwnerId, o.name AS Label, o.amount AS Amount,
        CASE WHEN o.outcome = 'won' THEN {cycleDays} ELSE NULL END AS Value, o.id AS OpportunityId
        """;

    /// <summary>
    /// Open now (<paramref name="openSince"/>: closed at or after the window's end, or not at all), created before the window's
    /// end, after the cursor (the creation instant is not bounded by the window). SQLite compares the creation with a unary
    /// plus so the planner seeks the close, not the creation index (which would read every deal created before the window's
    /// end), and sorts the few candidates.
    /// </summary>
    private static string OpenCandidatesText(string openSince, string createdAt) => $"""
        SELECT o.id AS Id, {createdAt} AS At FROM opportunities o
        WHERE {openSince} AND o.deleted_at IS NULL AND {MetricSql.Pipeline("o.pipeline_id")} AND {OpenCandidateCreated(createdAt)}
        ORDER BY 2, 1
        {"{limit}"}
        """;

    /// <summary>The same for a rep or a team: each member's open deals and those closed since, from the owner-first indexes.</summary>
    private static string OpenMemberCandidatesText(string createdAt)
    {
        var live = $"o.deleted_at IS NULL AND {MetricSql.MemberOwners("o.owner_id")} AND {MetricSql.Pipeline("o.pipeline_id")} AND {OpenCandidateCreated(createdAt)}";
        return $"""
            SELECT c.Id, c.At FROM (
                SELECT o.id AS Id, {createdAt} AS At FROM opportunities o WHERE o.closed_at IS NULL AND {live}
                UNION ALL
                SELECT o.id AS Id, {createdAt} AS At FROM opportunities o WHERE o.closed_at >= @WindowTo AND {live}
            ) c
            ORDER BY c.At, c.Id
            {"{limit}"}
            """;
    }

    private static string OpenCandidateCreated(string createdAt) =>
        $"{createdAt} < @WindowTo AND {Keyset.Ascending(createdAt, "o.id")}";

    /// <summary>Open at the window's end: the last stage move before it entered an open stage (old definition, kept as is).</summary>
    private static string ExplainOpenDealsText(string ids) => $"""
        SELECT 'opportunity' AS Kind, o.id AS Id, o.created_at AS At, o.owner_id AS OwnerId, o.name AS Label, o.amount AS Amount,
               NULL AS Value, o.id AS OpportunityId
        FROM opportunities o
        WHERE o.id IN ({ids}) AND {Deals} AND {OpenAt("@WindowTo")}
        ORDER BY o.created_at, o.id
        """;

    /// <summary>The leads behind a figure (<paramref name="figure"/>: the condition on l that picks them), by creation time; Value: hours to the first logged activity.</summary>
    private static SubjectSql ExplainLeadsFor(string figure) => ExplainRecords(
        ExplainLeadColumns(SqliteResponseHours), ExplainLeadColumns(SqlServerResponseHours), "leads", "l", "l.created_at",
        $"l.deleted_at IS NULL AND {figure}");

    /// <summary>Value: the hours from the lead's creation to its first live activity, 0 when the activity came first, null without one (one read of its activities).</summary>
    private static string ExplainLeadColumns(string responseHours) => $"""
        'lead' AS Kind, l.id AS Id, l.created_at AS At, l.owner_id AS OwnerId, l.name AS Label, NULL AS Amount,
        (SELECT CASE WHEN MIN(a.occurred_at) < l.created_at THEN 0.0 ELSE {responseHours} END
         FROM activities a WHERE a.lead_id = l.id AND a.deleted_at IS NULL) AS Value,
        l.converted_opportunity_id AS OpportunityId
        """;

    private sealed class OpenCandidate
    {
        public Guid Id { get; init; }

        public DateTimeOffset At { get; init; }
    }

    private sealed class WonRow
    {
        public decimal Amount { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset ClosedAt { get; init; }
    }

    private sealed class SpanCount
    {
        public int Idx { get; init; }

        public long Count { get; init; }
    }

    private sealed class GroupRow
    {
        public Guid? LostReasonId { get; init; }

        public string? Name { get; init; }

        public string? Competitor { get; init; }

        public long Count { get; init; }

        public decimal Amount { get; init; }
    }

    private static string TargetLeadResponsesText(string targets) => $"""
        SELECT t.i AS Target, l.created_at AS CreatedAt, l.first_activity_at AS FirstActivityAt
        FROM {targets} t
        CROSS JOIN leads l
        WHERE l.response_hour = t.hour AND l.created_at >= t.from_at AND l.created_at < t.to_at AND l.deleted_at IS NULL
          AND {MetricSql.Subject("l.owner_id")}
        """;

    private sealed class LeadHourRow
    {
        public int SpanIndex { get; init; }

        public long ResponseHour { get; init; }

        public long Leads { get; init; }

        public long Converted { get; init; }

        public long ResponseMs { get; init; }
    }

    private sealed class TargetResponse
    {
        public int Target { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset FirstActivityAt { get; init; }
    }
}
