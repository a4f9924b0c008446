using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.Pipeline;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>The deals open now that have stayed in their stage longer than its limit, a page at a time, longest first.</summary>
public sealed partial class PipelineMetricsStore
{
    /// <summary>
    /// A page of the deals open now that entered their stage before its limit (<c>@Limits</c>: stage and instant), longest in
    /// stage first, after the keyset position: the ids from the index on (stage, entry instant, id), then the deals. For a
    /// rep or a team, their deals by the owner-first index on (owner, stage, entry instant, id).
    /// </summary>
    public static readonly SubjectSql StaleDeals = SubjectSql.SubjectOrMembers("so.owner_id", StaleDealsWhere);

    public async Task<IReadOnlyList<CurrentDeal>> StaleDealsAsync(
        MetricScope scope, IReadOnlyList<StageLimit> limits, ExplainPosition? after, int take, CancellationToken cancellationToken)
    {
        if (limits.Count == 0)
        {
            return [];
        }

        var json = System.Text.Json.JsonSerializer.Serialize(limits.Select(l => new Dictionary<string, object>
        {
            ["s"] = l.StageId.ToString("D"),
            ["bm"] = l.EnteredBefore.ToUnixTimeMilliseconds(),
            ["b"] = MetricSql.IsoInstant(l.EnteredBefore),
        }));
        return (await SpanQueryAsync<DealRow>(
                StaleDeals.For(scope.Subject), scope, DateTimeOffset.UtcNow, new { Limits = json, AfterAt = after?.At, AfterId = after?.Id, Limit = take }, cancellationToken))
            .Select(d => new CurrentDeal(d.OpportunityId, d.Name, d.OwnerId, d.StageId, d.Amount, d.StageEnteredAt))
            .ToList();
    }

    private static Sql StaleDealsWhere(string owners) => new(
        StaleDealsText(
            owners,
            """
            (SELECT json_extract(lj.value, '$.s') AS stage_id, json_extract(lj.value, '$.bm') AS before_at FROM json_each(@Limits) lj)
            """),
        StaleDealsText(
            owners,
            """
            (SELECT stage_id, before_at FROM OPENJSON(@Limits) WITH (stage_id UNIQUEIDENTIFIER '$.s', before_at DATETIMEOFFSET(3) '$.b'))
            """));

    private static string StaleDealsText(string owners, string limits) => $"""
        SELECT o.id AS OpportunityId, o.name AS Name, o.owner_id AS OwnerId, o.stage_id AS StageId, o.amount AS Amount,
               o.stage_entered_at AS StageEnteredAt
        FROM opportunities o
        WHERE o.id IN (
            SELECT so.id
            FROM {limits} l
            CROSS JOIN opportunities so
            WHERE so.stage_id = l.stage_id AND so.deleted_at IS NULL AND so.stage_entered_at < l.before_at
              AND {owners} AND {MetricSql.Pipeline("so.pipeline_id")}
              AND {Keyset.Ascending("so.stage_entered_at", "so.id")}
            ORDER BY so.stage_entered_at, so.id
            {"{limit}"})
        ORDER BY o.stage_entered_at, o.id
        """;
}
