using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Pipeline;

/// <summary>
/// The records behind one pipeline figure: the open opportunities of a snapshot (as of <see cref="AsOf"/>, default now), or the
/// stage exits or entries of a window. <see cref="StageId"/> narrows to one stage. For <c>open_opportunities</c> the window only
/// carries the calendar day of <see cref="AsOf"/>.
/// </summary>
public sealed record ExplainPipelineMetricsQuery(
    PipelineFigure Figure, DateOnly From, DateOnly To, DateTimeOffset? AsOf = null, Guid? TeamId = null, Guid? UserId = null,
    Guid? PipelineId = null, Guid? StageId = null, int? Limit = null, string? Cursor = null)
    : IQuery<Page<MetricRecord>>, IExplainQuery<PipelineFigure>
{
    public Bucket? Bucket => null;
}

public sealed class ExplainPipelineMetricsQueryHandler(MetricScopes scopes, IPipelineMetricsStore store, TimeProvider clock)
    : IQueryHandler<ExplainPipelineMetricsQuery, Page<MetricRecord>>
{
    public async ValueTask<Page<MetricRecord>> Handle(ExplainPipelineMetricsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var asOf = query.AsOf is { } at ? HistoryRules.Truncate(at) : clock.Now();
        return await store.ExplainAsync(ExplainPaging.Request(scope, query), asOf, query.StageId, cancellationToken);
    }
}

public sealed class ExplainPipelineMetricsQueryValidator : AbstractValidator<ExplainPipelineMetricsQuery>
{
    public ExplainPipelineMetricsQueryValidator(TimeProvider clock)
    {
        this.AddExplainRules<ExplainPipelineMetricsQuery, PipelineFigure>();
        RuleFor(x => x.AsOf).NotInFuture(clock);
    }
}
