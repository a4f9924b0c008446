using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Metrics.Activity;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Attainment;

/// <summary>
/// The three-number funnel: outbound calls and meetings booked exactly as section A counts them (read through the
/// activity store, so the definitions cannot drift), and deals won (closed won in the span).
/// </summary>
public sealed record GetFunnelQuery(DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, Bucket? Bucket = null)
    : IQuery<MetricReport<ThreeNumberFunnel>>, IMetricQuery;

public sealed class GetFunnelQueryHandler(MetricScopes scopes, IActivityMetricsStore activities, IAttainmentMetricsStore store)
    : IQueryHandler<GetFunnelQuery, MetricReport<ThreeNumberFunnel>>
{
    public async ValueTask<MetricReport<ThreeNumberFunnel>> Handle(GetFunnelQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var counts = await activities.CountLoggedAsync(scope, cancellationToken);
        var won = await store.DealsWonAsync(scope, cancellationToken);
        return scope.Report(span =>
        {
            var a = counts.GetValueOrDefault(span.Index, LoggedActivityCounts.Empty);
            return ThreeNumberFunnel.Of(a.OutboundCalls, a.MeetingsBooked, won.GetValueOrDefault(span.Index));
        });
    }
}

public sealed class GetFunnelQueryValidator : AbstractValidator<GetFunnelQuery>
{
    public GetFunnelQueryValidator() => this.AddWindowRules();
}

/// <summary>The records behind one funnel figure: outbound calls, meetings booked (as section A) or won deals.</summary>
public sealed record ExplainFunnelQuery(
    FunnelFigure Figure, DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, int? Limit = null, string? Cursor = null)
    : IQuery<Page<MetricRecord>>, IExplainQuery<FunnelFigure>
{
    public Bucket? Bucket => null;

    public Guid? PipelineId => null;
}

public sealed class ExplainFunnelQueryHandler(MetricScopes scopes, IActivityMetricsStore activities, IAttainmentMetricsStore store, TimeProvider clock)
    : IQueryHandler<ExplainFunnelQuery, Page<MetricRecord>>
{
    public async ValueTask<Page<MetricRecord>> Handle(ExplainFunnelQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var request = ExplainPaging.Request(scope, query);
        return query.Figure switch
        {
            FunnelFigure.OutboundCalls => await activities.ExplainAsync(
                new ExplainRequest<ActivityFigure>(scope, ActivityFigure.OutboundCalls, request.Limit, request.After), clock.Now(), cancellationToken),
            FunnelFigure.MeetingsBooked => await activities.ExplainAsync(
                new ExplainRequest<ActivityFigure>(scope, ActivityFigure.MeetingsBooked, request.Limit, request.After), clock.Now(), cancellationToken),
            _ => await store.ExplainWonAsync(request, cancellationToken),
        };
    }
}

public sealed class ExplainFunnelQueryValidator : AbstractValidator<ExplainFunnelQuery>
{
    public ExplainFunnelQueryValidator() => this.AddExplainRules<ExplainFunnelQuery, FunnelFigure>();
}
