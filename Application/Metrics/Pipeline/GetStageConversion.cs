using FluentValidation;
using Mediator;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Pipelines;

namespace SalesCrm.Application.Metrics.Pipeline;

/// <summary>For each open stage: the entries into it in the window and what became of each (advanced, lost, moved back, still in).</summary>
public sealed record GetStageConversionQuery(
    DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, Guid? PipelineId = null, Bucket? Bucket = null)
    : IQuery<MetricReport<StageConversionMetrics>>, IPipelineMetricQuery;

public sealed class GetStageConversionQueryHandler(MetricScopes scopes, IPipelineMetricsStore store)
    : IQueryHandler<GetStageConversionQuery, MetricReport<StageConversionMetrics>>
{
    public async ValueTask<MetricReport<StageConversionMetrics>> Handle(GetStageConversionQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var stages = (await store.StagesAsync(scope.PipelineId, cancellationToken)).Where(s => s.Kind == StageKind.Open).ToList();
        var entries = await store.EntriesAsync(scope, cancellationToken);
        var shown = stages.Where(s => !s.Archived || entries.Any(e => e.StageId == s.Id && e.Count > 0)).ToList();
        var bySpan = entries.ToLookup(e => (e.SpanIndex, e.StageId));
        return scope.Report(span => new StageConversionMetrics(shown.Select(s => Row(s, bySpan[(span.Index, s.Id)].ToList())).ToList()));
    }

    private static StageConversion Row(StageInfo stage, List<StageSpanEntries> entries)
    {
        long Count(EntryFate fate) => entries.Where(e => e.Fate == fate).Sum(e => e.Count);
        var (advanced, lost, back, stillIn) = (Count(EntryFate.Advanced), Count(EntryFate.Lost), Count(EntryFate.MovedBack), Count(EntryFate.StillIn));
        var entered = advanced + lost + back + stillIn;
        return new StageConversion(
            stage.PipelineId, stage.Id, stage.Name, stage.Position, entered, advanced, lost, back, stillIn,
            Ratio.Of(advanced, entered), Ratio.Of(lost, entered), Ratio.Of(back, entered), Ratio.Of(stillIn, entered));
    }
}

public sealed class GetStageConversionQueryValidator : AbstractValidator<GetStageConversionQuery>
{
    public GetStageConversionQueryValidator() => this.AddWindowRules();
}
