using FluentValidation;
using Mediator;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.LeadScoring.GetScoreBandConversion;

/// <summary>Conversion of the leads created in the window, by the band of their current score against the current threshold.</summary>
public sealed record GetScoreBandConversionQuery(DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, Bucket? Bucket = null)
    : IQuery<MetricReport<ScoreBandConversions>>, IMetricQuery;

public sealed class GetScoreBandConversionQueryHandler(MetricScopes scopes, ILeadScoringMetricsStore store, ILeadScoringStore scoring)
    : IQueryHandler<GetScoreBandConversionQuery, MetricReport<ScoreBandConversions>>
{
    public async ValueTask<MetricReport<ScoreBandConversions>> Handle(GetScoreBandConversionQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var threshold = (await scoring.SettingsAsync(cancellationToken)).Threshold;
        var scores = (await store.ScoreCountsAsync(scope, cancellationToken)).ToLookup(s => s.SpanIndex);
        return scope.Report(span => LeadScoringCalculation.Bands([.. scores[span.Index]], threshold));
    }
}

public sealed class GetScoreBandConversionQueryValidator : AbstractValidator<GetScoreBandConversionQuery>
{
    public GetScoreBandConversionQueryValidator() => this.AddWindowRules();
}
