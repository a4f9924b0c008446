using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Activity;

/// <summary>Section A for a window: calls, connect rate, emails, reply rate, meetings, appointment rate, opportunities per 1,000 calls, follow-ups.</summary>
public sealed record GetActivityMetricsQuery(DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, Bucket? Bucket = null)
    : IQuery<MetricReport<ActivityMetrics>>, IMetricQuery;

public sealed class GetActivityMetricsQueryHandler(MetricScopes scopes, IActivityMetricsStore store, TimeProvider clock)
    : IQueryHandler<GetActivityMetricsQuery, MetricReport<ActivityMetrics>>
{
    public async ValueTask<MetricReport<ActivityMetrics>> Handle(GetActivityMetricsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var counts = await store.CountAsync(scope, clock.Now(), cancellationToken);
        return scope.Report(span => counts.GetValueOrDefault(span.Index, ActivityCounts.Empty).ToMetrics());
    }
}

public sealed class GetActivityMetricsQueryValidator : AbstractValidator<GetActivityMetricsQuery>
{
    public GetActivityMetricsQueryValidator() => this.AddWindowRules();
}

/// <summary>The activity mix per rep over a window (no time series): the counts behind "activity ratio" charts and leaderboards.</summary>
public sealed record GetActivityMixQuery(DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null)
    : IQuery<ActivityMixReport>, IMetricQuery
{
    public Bucket? Bucket => null;
}

public sealed record ActivityMixReport(MetricContext Context, IReadOnlyList<ActivityMixRow> Reps);

public sealed class GetActivityMixQueryHandler(MetricScopes scopes, IActivityMetricsStore store) : IQueryHandler<GetActivityMixQuery, ActivityMixReport>
{
    public async ValueTask<ActivityMixReport> Handle(GetActivityMixQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        return new ActivityMixReport(scope.Context, await store.MixAsync(scope, cancellationToken));
    }
}

public sealed class GetActivityMixQueryValidator : AbstractValidator<GetActivityMixQuery>
{
    public GetActivityMixQueryValidator() => this.AddWindowRules();
}

/// <summary>The records behind one figure of <see cref="GetActivityMetricsQuery"/>: activities, opportunities or follow-ups.</summary>
public sealed record ExplainActivityMetricsQuery(
    ActivityFigure Figure, DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, int? Limit = null, string? Cursor = null)
    : IQuery<Page<MetricRecord>>, IExplainQuery<ActivityFigure>
{
    public Bucket? Bucket => null;

    public Guid? PipelineId => null;
}

public sealed class ExplainActivityMetricsQueryHandler(MetricScopes scopes, IActivityMetricsStore store, TimeProvider clock)
    : IQueryHandler<ExplainActivityMetricsQuery, Page<MetricRecord>>
{
    public async ValueTask<Page<MetricRecord>> Handle(ExplainActivityMetricsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        return await store.ExplainAsync(ExplainPaging.Request(scope, query), clock.Now(), cancellationToken);
    }
}

public sealed class ExplainActivityMetricsQueryValidator : AbstractValidator<ExplainActivityMetricsQuery>
{
    public ExplainActivityMetricsQueryValidator() => this.AddExplainRules<ExplainActivityMetricsQuery, ActivityFigure>();
}
