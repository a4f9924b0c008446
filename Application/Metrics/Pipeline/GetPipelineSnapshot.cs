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
        var pipeline = await store.OpenPipelineAsync(scope, asOf, cancellationToken);
        var probability = stages.ToDictionary(s => s.Id, s => s.Probability);
        var byStage = pipeline.Groups.ToLookup(g => g.StageId);
        var stageRows = stages
            .Where(s => !s.Archived || byStage[s.Id].Any())
            .Select(s =>
            {
                var here = byStage[s.Id].ToList();
                var count = here.Sum(g => g.Count);
                return new StageSnapshot(
                    s.PipelineId, s.Id, s.Name, s.Kind, s.Position, s.Probability, count, here.Sum(g => g.Amount),
                    Weighted(here, probability), Ratio.Of(here.Sum(g => g.TotalMs) / (double)TimeSpan.MillisecondsPerDay, count),
                    Ratio.Median(pipeline.MiddleDays.GetValueOrDefault(s.Id) ?? []));
            })
            .ToList();
        var reps = pipeline.Groups.GroupBy(g => (g.OwnerId, g.OwnerName))
            .Select(g => new RepSnapshot(g.Key.OwnerId, g.Key.OwnerName ?? "", g.Sum(r => r.Count), g.Sum(r => r.Amount), Weighted(g, probability)))
            .OrderByDescending(r => r.WeightedAmount).ThenBy(r => r.DisplayName, StringComparer.Ordinal).ThenBy(r => r.UserId)
            .ToList();
        return new PipelineSnapshot(
            new PipelineSnapshotContext(asOf, scope.PipelineId, scope.Subject.TeamId, scope.Subject.UserId, scope.Zone.Id),
            new OpenPipelineTotals(pipeline.Groups.Sum(g => g.Count), pipeline.Groups.Sum(g => g.Amount), Weighted(pipeline.Groups, probability)),
            stageRows,
            reps);
    }

    /// <summary>Σ amount × probability / 100 (a $1,000 deal in a 60% stage weighs $600): per stage, since a stage has one probability.</summary>
    private static decimal Weighted(IEnumerable<OpenDealGroup> groups, Dictionary<Guid, int> probability) =>
        groups.Sum(g => g.Amount * probability.GetValueOrDefault(g.StageId) / 100m);
}

public sealed class GetPipelineSnapshotQueryValidator : AbstractValidator<GetPipelineSnapshotQuery>
{
    public GetPipelineSnapshotQueryValidator(TimeProvider clock) => RuleFor(x => x.AsOf).NotInFuture(clock);
}
