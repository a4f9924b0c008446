using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.LeadScoring.ExplainLeadScoringMetrics;

/// <summary>The leads behind one lead scoring figure, for the same window and subject.</summary>
public sealed record ExplainLeadScoringMetricsQuery(
    LeadScoringFigure Figure, DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, int? Limit = null, string? Cursor = null)
    : IQuery<Page<MetricRecord>>, IExplainQuery<LeadScoringFigure>
{
    public Bucket? Bucket => null;

    public Guid? PipelineId => null;
}

public sealed class ExplainLeadScoringMetricsQueryHandler(MetricScopes scopes, ILeadScoringMetricsStore store)
    : IQueryHandler<ExplainLeadScoringMetricsQuery, Page<MetricRecord>>
{
    public async ValueTask<Page<MetricRecord>> Handle(ExplainLeadScoringMetricsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        return await store.ExplainAsync(ExplainPaging.Request(scope, query), cancellationToken);
    }
}

public sealed class ExplainLeadScoringMetricsQueryValidator : AbstractValidator<ExplainLeadScoringMetricsQuery>
{
    public ExplainLeadScoringMetricsQueryValidator() => this.AddExplainRules<ExplainLeadScoringMetricsQuery, LeadScoringFigure>();
}
