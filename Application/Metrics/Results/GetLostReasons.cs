using FluentValidation;
using Mediator;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Results;

/// <summary>Deals lost in the window grouped by lost reason and by competitor, most frequent first.</summary>
public sealed record GetLostReasonsQuery(DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, Guid? PipelineId = null)
    : IQuery<LostReasonsReport>, IPipelineMetricQuery
{
    public Bucket? Bucket => null;
}

public sealed class GetLostReasonsQueryHandler(MetricScopes scopes, IResultMetricsStore store) : IQueryHandler<GetLostReasonsQuery, LostReasonsReport>
{
    public async ValueTask<LostReasonsReport> Handle(GetLostReasonsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var reasons = await store.LostReasonsAsync(scope, cancellationToken);
        var competitors = await store.LostCompetitorsAsync(scope, cancellationToken);
        var lost = reasons.Sum(r => r.Count);
        return new LostReasonsReport(
            scope.Context, lost, reasons.Sum(r => r.Amount),
            reasons.Select(r => r with { Share = Ratio.Of(r.Count, lost) }).ToList(),
            competitors.Select(c => c with { Share = Ratio.Of(c.Count, lost) }).ToList());
    }
}

public sealed class GetLostReasonsQueryValidator : AbstractValidator<GetLostReasonsQuery>
{
    public GetLostReasonsQueryValidator() => this.AddWindowRules();
}
