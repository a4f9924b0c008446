using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Results;

/// <summary>Lead conversion and lead response time over the leads created in the window.</summary>
public sealed record GetLeadMetricsQuery(DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, Bucket? Bucket = null)
    : IQuery<MetricReport<LeadMetrics>>, IMetricQuery;

public sealed class GetLeadMetricsQueryHandler(MetricScopes scopes, IResultMetricsStore store)
    : IQueryHandler<GetLeadMetricsQuery, MetricReport<LeadMetrics>>
{
    public async ValueTask<MetricReport<LeadMetrics>> Handle(GetLeadMetricsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var spans = (await store.LeadsAsync(scope, cancellationToken)).ToDictionary(s => s.SpanIndex);
        return scope.Report(span => LeadCalculation.For(spans.GetValueOrDefault(span.Index)));
    }
}

public sealed class GetLeadMetricsQueryValidator : AbstractValidator<GetLeadMetricsQuery>
{
    public GetLeadMetricsQueryValidator() => this.AddWindowRules();
}

/// <summary>The leads behind one figure of <see cref="GetLeadMetricsQuery"/>.</summary>
public sealed record ExplainLeadMetricsQuery(
    LeadFigure Figure, DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, int? Limit = null, string? Cursor = null)
    : IQuery<Page<MetricRecord>>, IExplainQuery<LeadFigure>
{
    public Bucket? Bucket => null;

    public Guid? PipelineId => null;
}

public sealed class ExplainLeadMetricsQueryHandler(MetricScopes scopes, IResultMetricsStore store)
    : IQueryHandler<ExplainLeadMetricsQuery, Page<MetricRecord>>
{
    public async ValueTask<Page<MetricRecord>> Handle(ExplainLeadMetricsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        return await store.ExplainLeadsAsync(ExplainPaging.Request(scope, query), cancellationToken);
    }
}

public sealed class ExplainLeadMetricsQueryValidator : AbstractValidator<ExplainLeadMetricsQuery>
{
    public ExplainLeadMetricsQueryValidator() => this.AddExplainRules<ExplainLeadMetricsQuery, LeadFigure>();
}
