using FluentValidation;
using Mediator;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Pipelines;

namespace SalesCrm.Application.Metrics.Pipeline;

/// <summary>For each open stage: the exits from it in the window and the average and median days the deals had spent in it.</summary>
public sealed record GetDaysInStageQuery(
    DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, Guid? PipelineId = null, Bucket? Bucket = null)
    : IQuery<MetricReport<DaysInStageMetrics>>, IPipelineMetricQuery;

public sealed class GetDaysInStageQueryHandler(MetricScopes scopes, IPipelineMetricsStore store)
    : IQueryHandler<GetDaysInStageQuery, MetricReport<DaysInStageMetrics>>
{
    public async ValueTask<MetricReport<DaysInStageMetrics>> Handle(GetDaysInStageQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var stages = (await store.StagesAsync(scope.PipelineId, cancellationToken)).Where(s => s.Kind == StageKind.Open).ToList();
        var exits = await store.ExitsAsync(scope, cancellationToken);
        var shown = stages.Where(s => !s.Archived || exits.Any(e => e.StageId == s.Id && e.Exits > 0)).ToList();
        var bySpan = exits.ToDictionary(e => (e.SpanIndex, e.StageId));
        return scope.Report(span => new DaysInStageMetrics(shown.Select(s =>
            bySpan.TryGetValue((span.Index, s.Id), out var e) && e.Exits > 0
                ? new StageDays(s.PipelineId, s.Id, s.Name, s.Position, e.Exits, e.AverageDays, e.MedianDays)
                : new StageDays(s.PipelineId, s.Id, s.Name, s.Position, 0, null, null)).ToList()));
    }
}

public sealed class GetDaysInStageQueryValidator : AbstractValidator<GetDaysInStageQuery>
{
    public GetDaysInStageQueryValidator() => this.AddWindowRules();
}
