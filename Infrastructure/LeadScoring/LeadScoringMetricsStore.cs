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

    private const string Converted = "CASE WHEN l.status = 'converted' OR l.converted_opportunity_id IS NOT NULL THEN 1 ELSE 0 END";

    /// <summary>Leads qualified in the window (ix_leads_sales_qualified), with their first activity since.</summary>
    public static readonly Sql QualifiedLeads = new($"""
        SELECT l.id AS Id, l.sales_qualified_at AS QualifiedAt, {FirstResponse} AS FirstResponseAt
        FROM leads l
        WHERE l.sales_qualified_at >= @WindowFrom AND l.sales_qualified_at < @WindowTo AND l.deleted_at IS NULL
          AND {MetricSql.Subject("l.owner_id")}
        """);

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

    public static readonly Sql Explain = new(ExplainText(SqliteHours), ExplainText(SqlServerHours));

    public async Task<IReadOnlyList<QualifiedLead>> QualifiedLeadsAsync(MetricScope scope, CancellationToken cancellationToken) =>
        [.. (await SpanQueryAsync<QualifiedRow>(QualifiedLeads, scope, DateTimeOffset.UtcNow, null, cancellationToken))
            .Select(r => new QualifiedLead(r.Id, r.QualifiedAt, r.FirstResponseAt))];

    public async Task<IReadOnlyList<ScoreCount>> ScoreCountsAsync(MetricScope scope, CancellationToken cancellationToken) =>
        [.. (await SpanQueryAsync<ScoreRow>(ScoreCounts, scope, DateTimeOffset.UtcNow, null, cancellationToken))
            .Select(r => new ScoreCount(r.SpanIndex, r.Score, r.Leads, r.Converted))];

    public Task<Page<MetricRecord>> ExplainAsync(ExplainRequest<LeadScoringFigure> request, CancellationToken cancellationToken) =>
        ExplainAsync(Explain, request, DateTimeOffset.UtcNow, null, cancellationToken);

    /// <summary>
    /// Qualified figures by qualification time (value: hours to the first activity since), created figures by creation time
    /// (value: the current score).
    /// </summary>
    private static string ExplainText(string hours) => $"""
        SELECT * FROM (
            SELECT 'lead' AS Kind, q.id AS Id, q.counted_at AS At, q.owner_id AS OwnerId, q.name AS Label, NULL AS Amount,
                   CASE WHEN @Figure IN ('leads_created', 'leads_converted') THEN CAST(q.score AS FLOAT)
                        WHEN q.first_at IS NULL THEN NULL ELSE {hours} END AS Value,
                   q.converted_opportunity_id AS OpportunityId
            FROM (
                SELECT l.id, l.sales_qualified_at AS counted_at, l.owner_id, l.name, l.score, l.converted_opportunity_id,
                       {FirstResponse} AS first_at, 0 AS converted
                FROM leads l
                WHERE @Figure IN ('sales_qualified', 'responded')
                  AND l.sales_qualified_at >= @WindowFrom AND l.sales_qualified_at < @WindowTo AND l.deleted_at IS NULL
                  AND {MetricSql.Subject("l.owner_id")}
                UNION ALL
                SELECT l.id, l.created_at AS counted_at, l.owner_id, l.name, l.score, l.converted_opportunity_id,
                       NULL AS first_at, {Converted} AS converted
                FROM leads l
                WHERE @Figure IN ('leads_created', 'leads_converted')
                  AND l.created_at >= @WindowFrom AND l.created_at < @WindowTo AND l.deleted_at IS NULL
                  AND {MetricSql.Subject("l.owner_id")}
            ) q
            WHERE @Figure IN ('sales_qualified', 'leads_created')
               OR (@Figure = 'responded' AND q.first_at IS NOT NULL)
               OR (@Figure = 'leads_converted' AND q.converted = 1)
        ) x
        {ExplainPageEnd}
        """;

    private sealed class QualifiedRow
    {
        public Guid Id { get; init; }

        public DateTimeOffset QualifiedAt { get; init; }

        public DateTimeOffset? FirstResponseAt { get; init; }
    }

    private sealed class ScoreRow
    {
        public int SpanIndex { get; init; }

        public int Score { get; init; }

        public long Leads { get; init; }

        public long Converted { get; init; }
    }
}
