using FluentValidation;
using Mediator;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Results;

/// <summary>Deals won and lost, revenue, win rate and win/loss ratio, deal size, sales cycle, open opportunities and sales velocity.</summary>
public sealed record GetResultMetricsQuery(
    DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, Guid? PipelineId = null, Bucket? Bucket = null)
    : IQuery<MetricReport<ResultMetrics>>, IPipelineMetricQuery;

public sealed class GetResultMetricsQueryHandler(MetricScopes scopes, IResultMetricsStore store)
    : IQueryHandler<GetResultMetricsQuery, MetricReport<ResultMetrics>>
{
    public async ValueTask<MetricReport<ResultMetrics>> Handle(GetResultMetricsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var won = await store.WonDealsAsync(scope, cancellationToken);
        var lost = await store.LostPerSpanAsync(scope, cancellationToken);
        var open = await store.OpenAtSpanEndsAsync(scope, cancellationToken);
        return scope.Report(span => ResultCalculation.For(
            won.Where(d => d.ClosedAt >= span.FromUtc && d.ClosedAt < span.ToUtc).ToList(), lost.GetValueOrDefault(span.Index), open.GetValueOrDefault(span.Index)));
    }
}

public sealed class GetResultMetricsQueryValidator : AbstractValidator<GetResultMetricsQuery>
{
    public GetResultMetricsQueryValidator() => this.AddWindowRules();
}
