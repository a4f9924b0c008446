using FluentValidation;
using Mediator;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.LeadScoring.GetQualifiedLeadResponse;

/// <summary>Response time to sales-qualified leads, over the leads qualified in the window (series by qualification time).</summary>
public sealed record GetQualifiedLeadResponseQuery(DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, Bucket? Bucket = null)
    : IQuery<MetricReport<QualifiedLeadResponse>>, IMetricQuery;

public sealed class GetQualifiedLeadResponseQueryHandler(MetricScopes scopes, ILeadScoringMetricsStore store)
    : IQueryHandler<GetQualifiedLeadResponseQuery, MetricReport<QualifiedLeadResponse>>
{
    public async ValueTask<MetricReport<QualifiedLeadResponse>> Handle(GetQualifiedLeadResponseQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var rows = await store.QualifiedResponsesAsync(scope, cancellationToken);
        var hours = rows.Hours.ToLookup(h => h.Span);
        var middles = rows.Middles.ToLookup(m => m.Span);
        return scope.Report(span => QualifiedResponseHours.Figures([.. hours[span.Index]], [.. middles[span.Index]]));
    }
}

public sealed class GetQualifiedLeadResponseQueryValidator : AbstractValidator<GetQualifiedLeadResponseQuery>
{
    public GetQualifiedLeadResponseQueryValidator() => this.AddWindowRules();
}
