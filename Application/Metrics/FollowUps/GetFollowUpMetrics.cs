using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.FollowUps;

/// <summary>Section B for a window: follow-ups per stage advance, before a win, early give-ups, and timeliness.</summary>
public sealed record GetFollowUpMetricsQuery(
    DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, Guid? PipelineId = null, Bucket? Bucket = null)
    : IQuery<MetricReport<FollowUpDiscipline>>, IPipelineMetricQuery;

public sealed class GetFollowUpMetricsQueryHandler(MetricScopes scopes, IFollowUpMetricsStore store)
    : IQueryHandler<GetFollowUpMetricsQuery, MetricReport<FollowUpDiscipline>>
{
    public async ValueTask<MetricReport<FollowUpDiscipline>> Handle(GetFollowUpMetricsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var rows = await store.ReadAsync(scope, cancellationToken);
        var stages = FollowUpDisciplineCounts.StagesOf(rows);
        return scope.Report(span => FollowUpDisciplineCounts.For(rows, span, stages));
    }
}

public sealed class GetFollowUpMetricsQueryValidator : AbstractValidator<GetFollowUpMetricsQuery>
{
    public GetFollowUpMetricsQueryValidator() => this.AddWindowRules();
}

/// <summary>The records behind one figure of <see cref="GetFollowUpMetricsQuery"/>: stage moves, opportunities or follow-ups.</summary>
public sealed record ExplainFollowUpMetricsQuery(
    FollowUpFigure Figure, DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, Guid? PipelineId = null,
    int? Limit = null, string? Cursor = null)
    : IQuery<Page<MetricRecord>>, IExplainQuery<FollowUpFigure>
{
    public Bucket? Bucket => null;
}

public sealed class ExplainFollowUpMetricsQueryHandler(MetricScopes scopes, IFollowUpMetricsStore store)
    : IQueryHandler<ExplainFollowUpMetricsQuery, Page<MetricRecord>>
{
    public async ValueTask<Page<MetricRecord>> Handle(ExplainFollowUpMetricsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        return await store.ExplainAsync(ExplainPaging.Request(scope, query), cancellationToken);
    }
}

public sealed class ExplainFollowUpMetricsQueryValidator : AbstractValidator<ExplainFollowUpMetricsQuery>
{
    public ExplainFollowUpMetricsQueryValidator() => this.AddExplainRules<ExplainFollowUpMetricsQuery, FollowUpFigure>();
}
