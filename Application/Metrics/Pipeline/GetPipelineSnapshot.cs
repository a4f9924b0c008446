using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Pipeline;

/// <summary>The open pipeline as of an instant (default now): count, amount and weighted amount by stage and by rep.</summary>
public sealed record GetPipelineSnapshotQuery(DateTimeOffset? AsOf = null, Guid? PipelineId = null, Guid? TeamId = null, Guid? UserId = null)
    : IQuery<PipelineSnapshot>;

public sealed class GetPipelineSnapshotQueryHandler(MetricSubjects subjects, MetricScopes scopes, IPipelineMetricsStore store, TimeProvider clock)
    : IQueryHandler<GetPipelineSnapshotQuery, PipelineSnapshot>
{
    public async ValueTask<PipelineSnapshot> Handle(GetPipelineSnapshotQuery query, CancellationToken cancellationToken)
    {
        var asOf = query.AsOf is { } at ? HistoryRules.Truncate(at) : clock.Now();
        var scope = await scopes.AtInstantAsync(subjects, query.TeamId, query.UserId, query.PipelineId, asOf, cancellationToken);
        var stages = await store.StagesAsync(scope.PipelineId, cancellationToken);
        var deals = await store.OpenAtAsync(scope, asOf, cancellationToken);
        var probability = stages.ToDictionary(s => s.Id, s => s.Probability);
        var byStage = deals.ToLookup(d => d.StageId);
        var stageRows = stages
            .Where(s => !s.Archived || byStage[s.Id].Any())
            .Select(s =>
            {
                var here = byStage[s.Id].ToList();
                var days = here.Select(d => Ratio.Days(d.EnteredAt, asOf)).ToList();
                return new StageSnapshot(
                    s.PipelineId, s.Id, s.Name, s.Kind, s.Position, s.Probability, here.Count, here.Sum(d => d.Amount),
                    Weighted(here, probability), Ratio.Average(days), Ratio.Median(days));
            })
            .ToList();
        var reps = deals.GroupBy(d => (d.OwnerId, d.OwnerName))
            .Select(g => new RepSnapshot(g.Key.OwnerId, g.Key.OwnerName ?? "", g.Count(), g.Sum(d => d.Amount), Weighted(g, probability)))
            .OrderByDescending(r => r.WeightedAmount).ThenBy(r => r.DisplayName, StringComparer.Ordinal).ThenBy(r => r.UserId)
            .ToList();
        return new PipelineSnapshot(
            new PipelineSnapshotContext(asOf, scope.PipelineId, scope.Subject.TeamId, scope.Subject.UserId, scope.Zone.Id),
            new OpenPipelineTotals(deals.Count, deals.Sum(d => d.Amount), Weighted(deals, probability)),
            stageRows,
            reps);
    }

    /// <summary>Σ amount × probability / 100 (a $1,000 deal in a 60% stage weighs $600).</summary>
    private static decimal Weighted(IEnumerable<OpenDeal> deals, Dictionary<Guid, int> probability) =>
        deals.Sum(d => d.Amount * probability.GetValueOrDefault(d.StageId) / 100m);
}

public sealed class GetPipelineSnapshotQueryValidator : AbstractValidator<GetPipelineSnapshotQuery>
{
    public GetPipelineSnapshotQueryValidator(TimeProvider clock) => RuleFor(x => x.AsOf).NotInFuture(clock);
}
