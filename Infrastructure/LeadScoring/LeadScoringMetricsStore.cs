using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.LeadScoring;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Metrics;

namespace SalesCrm.Infrastructure.LeadScoring;

/// <summary>Response time to sales-qualified leads and conversion by score band, and the leads behind them.</summary>
public sealed class LeadScoringMetricsStore(IDbConnectionFactory connections) : MetricStore(connections), ILeadScoringMetricsStore
{
    private const string SqliteHours = "CAST(q.first_at - q.counted_at AS FLOAT) / 3600000.0";
    private const string SqlServerHours = "CAST(DATEDIFF_BIG(MILLISECOND, q.counted_at, q.first_at) AS FLOAT) / 3600000.0";

    /// <summary>The first live activity of the lead at or after it qualified (ix_activities_lead: lead_id, occurred_at).</summary>
    private const string FirstResponse =
        "(SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = l.id AND a.deleted_at IS NULL AND a.occurred_at >= l.sales_qualified_at)";

    /// <summary>
    /// The subject's live leads qualified in each span by whole hours to their first activity since rounded up (-1: none, 0:
    /// exactly at the qualification), with the sum of the response times (ms), from the day rollup kept by triggers
    /// (qualified_lead_days, migration 0039; organisation rows for the organisation).
    /// </summary>
    public static readonly Sql QualifiedHours = new($"""
        SELECT s.idx AS Idx, d.response_hour AS Hour, SUM(d.leads) AS Leads, SUM(d.response_ms) AS ResponseMs
        FROM {"{spans}"} s
        JOIN qualified_lead_days d ON d.day >= s.from_day AND d.day < s.to_day
        WHERE {MetricSql.RollupOwners("d.owner_id")}
        GROUP BY s.idx, d.response_hour
        HAVING SUM(d.leads) > 0
        """);

    /// <summary>
    /// The response times (ms) of the subject's live qualified leads of each target: one span, one whole hour to the first
    /// response (an hour that holds a span's middle rank), read from the index on (response hour, qualification).
    /// </summary>
    public static readonly Sql TargetQualifiedResponses = new(
        TargetQualifiedResponsesText(HourTarget.SqliteTable), TargetQualifiedResponsesText(HourTarget.SqlServerTable));

    /// <summary>
    /// Leads created in each span by current score, with the converted ones, from the day rollup kept by triggers
    /// (lead_score_days, organisation rows for the organisation).
    /// </summary>
    public static readonly Sql ScoreCounts = new($"""
        SELECT x.SpanIndex, x.Score, x.Leads, x.Converted
        FROM (SELECT s.idx AS SpanIndex, d.score AS Score, SUM(d.leads) AS Leads, SUM(d.converted) AS Converted
              FROM {"{spans}"} s
              CROSS JOIN lead_score_days d
              WHERE d.day >= s.from_day AND d.day < s.to_day AND {MetricSql.RollupOwners("d.owner_id")}
              GROUP BY s.idx, d.score) x
        WHERE x.Leads <> 0
        """);

    /// <summary>
    /// The leads behind the qualified figures, by qualification time (value: hours to the first activity since; responded:
    /// only those with one): ix_leads_sales_qualified, by qualification time with the owner in it, for every subject.
    /// </summary>
    public static readonly SubjectSql ExplainQualified =
        SubjectSql.Owners("l.owner_id", owners => new(ExplainQualifiedText(SqliteHours, owners), ExplainQualifiedText(SqlServerHours, owners)));

    /// <summary>
    /// The leads behind the created figures, by creation time (value: the current score; converted: only the converted ones):
    /// ix_leads_created, each member's ix_leads_owner.
    /// </summary>
    public static readonly SubjectSql ExplainCreated = ExplainRecords(
        """
        'lead' AS Kind, l.id AS Id, l.created_at AS At, l.owner_id AS OwnerId, l.name AS Label, NULL AS Amount,
        CAST(l.score AS FLOAT) AS Value, l.converted_opportunity_id AS OpportunityId
        """,
        "leads", "l", "l.created_at",
        "l.deleted_at IS NULL AND (@Figure = 'leads_created' OR l.status = 'converted' OR l.converted_opportunity_id IS NOT NULL)");

    /// <summary>
    /// Qualified leads per span and whole hour from the rollup, then the response times of the leads in the one or two hours
    /// holding each span's middle rank(s) (hour 0 holds only zeros, so it is not read), all spans in one read: the cost
    /// follows the window's days and the leads of those few hours, not every qualified lead.
    /// </summary>
    public async Task<QualifiedResponseRows> QualifiedResponsesAsync(MetricScope scope, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var hours = (await SpanQueryAsync<HourRow>(QualifiedHours, scope, now, null, cancellationToken))
            .Select(r => new QualifiedHour(r.Idx, r.Hour, r.Leads, r.ResponseMs)).ToList();
        var targets = hours.GroupBy(h => h.Span)
            .SelectMany(span => QualifiedResponseHours.Middle(span).Select(m => m.Hour).Where(h => h.Hour > 0))
            .Select((hour, index) => new HourTarget(index, scope.Spans[hour.Span], hour.Hour))
            .ToList();
        if (targets.Count == 0)
        {
            return new QualifiedResponseRows(hours, []);
        }

        var read = (await SpanQueryAsync<TargetRow>(TargetQualifiedResponses, scope, now, new { Targets = HourTarget.Json(targets) }, cancellationToken))
            .ToLookup(r => r.Target, r => r.ResponseMs);
        return new QualifiedResponseRows(hours, [.. targets.Select(t => new QualifiedHourValues(t.Span.Index, t.Hour, [.. read[t.Index]]))]);
    }

    public async Task<IReadOnlyList<ScoreCount>> ScoreCountsAsync(MetricScope scope, CancellationToken cancellationToken) =>
        [.. (await SpanQueryAsync<ScoreRow>(ScoreCounts, scope, DateTimeOffset.UtcNow, null, cancellationToken))
            .Select(r => new ScoreCount(r.SpanIndex, r.Score, r.Leads, r.Converted))];

    public Task<Page<MetricRecord>> ExplainAsync(ExplainRequest<LeadScoringFigure> request, CancellationToken cancellationToken)
    {
        var sql = request.Figure is LeadScoringFigure.SalesQualified or LeadScoringFigure.Responded ? ExplainQualified : ExplainCreated;
        return ExplainAsync(sql.For(request.Scope.Subject), request, DateTimeOffset.UtcNow, null, cancellationToken);
    }

    /// <summary>The statement of <see cref="ExplainQualified"/> with a dialect's <paramref name="hours"/> between two instants.</summary>
    private static string ExplainQualifiedText(string hours, string? owners) => $"""
        SELECT 'lead' AS Kind, q.id AS Id, q.counted_at AS At, q.owner_id AS OwnerId, q.name AS Label, NULL AS Amount,
               CASE WHEN q.first_at IS NULL THEN NULL ELSE {hours} END AS Value, q.converted_opportunity_id AS OpportunityId
        FROM (
            SELECT l.id, l.sales_qualified_at AS counted_at, l.owner_id, l.name, l.converted_opportunity_id, {FirstResponse} AS first_at
            FROM leads l
            WHERE l.sales_qualified_at IS NOT NULL AND l.deleted_at IS NULL{(owners is null ? "" : $" AND {owners}")}
              AND {ExplainSeek("l.sales_qualified_at", "l.id")}
        ) q
        WHERE @Figure = 'sales_qualified' OR q.first_at IS NOT NULL
        ORDER BY q.counted_at, q.id {"{limit}"}
        """;

    private static string TargetQualifiedResponsesText(string targets) => $"""
        SELECT t.i AS Target, l.qualified_response_ms AS ResponseMs
        FROM {targets} t
        CROSS JOIN leads l
        WHERE l.qualified_response_hour = t.hour AND l.sales_qualified_at >= t.from_at AND l.sales_qualified_at < t.to_at
          AND l.sales_qualified_at IS NOT NULL AND l.deleted_at IS NULL AND {MetricSql.Subject("l.owner_id")}
        """;

    private sealed class HourRow
    {
        public int Idx { get; init; }

        public long Hour { get; init; }

        public long Leads { get; init; }

        public long ResponseMs { get; init; }
    }

    private sealed class TargetRow
    {
        public int Target { get; init; }

        public long ResponseMs { get; init; }
    }

    private sealed class ScoreRow
    {
        public int SpanIndex { get; init; }

        public int Score { get; init; }

        public long Leads { get; init; }

        public long Converted { get; init; }
    }
}
