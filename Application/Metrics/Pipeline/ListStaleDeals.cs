using System.Globalization;
using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Common.Validation;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Pipeline;

/// <summary>
/// Open opportunities (now) whose time in their current stage exceeds the stage's limit: the stage's <c>staleAfterDays</c>, or
/// by default twice the stage's historical median days in stage (no history, no limit). Longest in stage first, paginated.
/// </summary>
public sealed record ListStaleDealsQuery(Guid? TeamId = null, Guid? UserId = null, Guid? PipelineId = null, int? Limit = null, string? Cursor = null)
    : IQuery<Page<StaleDeal>>, IPageRequest;

public sealed class ListStaleDealsQueryHandler(MetricSubjects subjects, MetricScopes scopes, IPipelineMetricsStore store, TimeProvider clock)
    : IQueryHandler<ListStaleDealsQuery, Page<StaleDeal>>
{
    public async ValueTask<Page<StaleDeal>> Handle(ListStaleDealsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var after = Decode(query.Cursor);
        var scope = await scopes.AtInstantAsync(subjects, query.TeamId, query.UserId, query.PipelineId, now, cancellationToken);
        var stages = (await store.StagesAsync(scope.PipelineId, cancellationToken)).ToDictionary(s => s.Id);
        var medians = (await store.MedianExitsAsync(scope.PipelineId, cancellationToken))
            .GroupBy(e => e.StageId)
            .ToDictionary(g => g.Key, g => Ratio.Median(g.Select(e => e.Days)));
        var stale = new List<StaleDeal>();
        foreach (var deal in await store.OpenNowAsync(scope, cancellationToken))
        {
            var stage = stages[deal.StageId];
            (double Days, StaleLimitSource Source)? limit = stage.StaleAfterDays is { } setting ? (setting, StaleLimitSource.StageSetting)
                : medians.GetValueOrDefault(stage.Id) is { } median ? (Math.Round(2 * median, Ratio.Decimals), StaleLimitSource.HistoricalMedian)
                : null;
            var days = Ratio.Days(deal.StageEnteredAt, now);
            if (limit is { } l && days > l.Days)
            {
                stale.Add(new StaleDeal(
                    deal.OpportunityId, deal.Name, deal.OwnerId, stage.Id, stage.Name, deal.Amount, deal.StageEnteredAt,
                    Math.Round(days, Ratio.Decimals), l.Days, l.Source));
            }
        }

        var ordered = stale.OrderBy(d => d.StageEnteredAt).ThenBy(d => d.OpportunityId)
            .Where(d => after is not { } a || d.StageEnteredAt > a.At || (d.StageEnteredAt == a.At && d.OpportunityId.CompareTo(a.Id) > 0))
            .ToList();
        var limitRows = query.LimitOrDefault();
        var items = ordered.Take(limitRows).ToList();
        return new Page<StaleDeal>(items, ordered.Count > limitRows ? Encode(items[^1]) : null);
    }

    private static string Encode(StaleDeal last) =>
        KeysetCursor.Encode(last.StageEnteredAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), last.OpportunityId);

    private static ExplainPosition? Decode(string? cursor) =>
        KeysetCursor.Decode(cursor) is not { } key ? null
        : long.TryParse(key.SortKey, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? new ExplainPosition(DateTimeOffset.FromUnixTimeMilliseconds(ms), key.Id)
        : throw RequestValidationException.For("cursor", "The cursor is not one this API issued.");
}

public sealed class ListStaleDealsQueryValidator : AbstractValidator<ListStaleDealsQuery>
{
    public ListStaleDealsQueryValidator() => this.AddPageRules();
}
