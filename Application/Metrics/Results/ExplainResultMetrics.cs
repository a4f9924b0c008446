using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Results;

/// <summary>The deals behind one figure of <see cref="GetResultMetricsQuery"/>: won, lost, closed, or open at the window's end.</summary>
public sealed record ExplainResultMetricsQuery(
    ResultFigure Figure, DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, Guid? PipelineId = null, int? Limit = null,
    string? Cursor = null)
    : IQuery<Page<MetricRecord>>, IExplainQuery<ResultFigure>
{
    public Bucket? Bucket => null;
}

public sealed class ExplainResultMetricsQueryHandler(MetricScopes scopes, IResultMetricsStore store)
    : IQueryHandler<ExplainResultMetricsQuery, Page<MetricRecord>>
{
    public async ValueTask<Page<MetricRecord>> Handle(ExplainResultMetricsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        return await store.ExplainAsync(ExplainPaging.Request(scope, query), cancellationToken);
    }
}

public sealed class ExplainResultMetricsQueryValidator : AbstractValidator<ExplainResultMetricsQuery>
{
    public ExplainResultMetricsQueryValidator() => this.AddExplainRules<ExplainResultMetricsQuery, ResultFigure>();
}
