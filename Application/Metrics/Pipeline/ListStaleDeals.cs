using System.Globalization;
using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Common.Validation;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Pipelines;

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
        var limits = stages.Values
            .Where(s => s.Kind == StageKind.Open)
            .Select(s => (Stage: s, Limit: Limit(s, medians)))
            .Where(l => l.Limit is not null)
            .ToDictionary(l => l.Stage.Id, l => l.Limit!.Value);
        var limitRows = query.LimitOrDefault();
        var deals = await store.StaleDealsAsync(
            scope, limits.Select(l => new StageLimit(l.Key, EnteredBefore(now, l.Value.Days))).ToList(), after, limitRows + 1, cancellationToken);
        var items = deals.Take(limitRows).Select(deal =>
            {
                var stage = stages[deal.StageId];
                var limit = limits[deal.StageId];
                return new StaleDeal(
                    deal.OpportunityId, deal.Name, deal.OwnerId, stage.Id, stage.Name, deal.Amount, deal.StageEnteredAt,
                    Math.Round(Ratio.Days(deal.StageEnteredAt, now), Ratio.Decimals), limit.Days, limit.Source);
            })
            .ToList();
        return new Page<StaleDeal>(items, deals.Count > limitRows ? Encode(items[^1]) : null);
    }

    /// <summary>The stage's limit in days: its own setting, else twice its historical median days in stage, else none.</summary>
    private static (double Days, StaleLimitSource Source)? Limit(StageInfo stage, Dictionary<Guid, double?> medians) =>
        stage.StaleAfterDays is { } setting ? (setting, StaleLimitSource.StageSetting)
        : medians.GetValueOrDefault(stage.Id) is { } median ? (Math.Round(2 * median, Ratio.Decimals), StaleLimitSource.HistoricalMedian)
        : null;

    /// <summary>
    /// A deal is stale when its days in stage exceed the limit. Instants are whole milliseconds, so it has spent more than
    /// limit × ms-per-day ms exactly when it entered before now − ⌊limit × ms-per-day⌋ ms.
    /// </summary>
    private static DateTimeOffset EnteredBefore(DateTimeOffset now, double limitDays) =>
        now.AddMilliseconds(-Math.Floor(limitDays * TimeSpan.MillisecondsPerDay));

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
