using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.Metrics.SellingTime;

/// <summary>Selling time for a window: selling and non-selling minutes and the selling share, with a series per bucket.</summary>
public sealed record GetSellingTimeQuery(DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, Bucket? Bucket = null)
    : IQuery<MetricReport<SellingTime>>, IMetricQuery;

public sealed class GetSellingTimeQueryHandler(MetricScopes scopes, ISellingTimeMetricsStore store, TimeProvider clock)
    : IQueryHandler<GetSellingTimeQuery, MetricReport<SellingTime>>
{
    public async ValueTask<MetricReport<SellingTime>> Handle(GetSellingTimeQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var selling = await store.SellingAsync(scope, clock.GetUtcNow(), cancellationToken);
        var nonSelling = await store.NonSellingAsync(scope, cancellationToken);
        return scope.Report(span => SellingTimeFigures.From(
            selling.GetValueOrDefault(span.Index, SellingSeconds.Empty), nonSelling.GetValueOrDefault(span.Index, NonSellingMinutes.Empty)));
    }
}

public sealed class GetSellingTimeQueryValidator : AbstractValidator<GetSellingTimeQuery>
{
    public GetSellingTimeQueryValidator() => this.AddWindowRules();
}

/// <summary>Selling time per rep over a window (no series): each rep of the subject, reps with nothing listed with zeros.</summary>
public sealed record GetSellingTimeByRepQuery(DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null)
    : IQuery<SellingTimeByRepReport>, IMetricQuery
{
    public Bucket? Bucket => null;
}

public sealed record SellingTimeByRepReport(MetricContext Context, IReadOnlyList<SellingTimeRepRow> Reps);

/// <summary>Each rep's selling time; a rep reading their team gets only their own row (the team's totals are the aggregate endpoint).</summary>
public sealed class GetSellingTimeByRepQueryHandler(MetricScopes scopes, ISellingTimeMetricsStore store, ICurrentUser caller, TimeProvider clock)
    : IQueryHandler<GetSellingTimeByRepQuery, SellingTimeByRepReport>
{
    public async ValueTask<SellingTimeByRepReport> Handle(GetSellingTimeByRepQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var reps = await store.PerRepAsync(scope, clock.GetUtcNow(), cancellationToken);
        return new SellingTimeByRepReport(scope.Context, caller.Role == Role.Rep ? [.. reps.Where(r => r.UserId == caller.Id)] : reps);
    }
}

public sealed class GetSellingTimeByRepQueryValidator : AbstractValidator<GetSellingTimeByRepQuery>
{
    public GetSellingTimeByRepQueryValidator() => this.AddWindowRules();
}

/// <summary>The activities behind the selling minutes, or the activities without a duration, for the same window and subject.</summary>
public sealed record ExplainSellingTimeQuery(
    SellingTimeFigure Figure, DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, int? Limit = null, string? Cursor = null)
    : IQuery<Page<MetricRecord>>, IExplainQuery<SellingTimeFigure>
{
    public Bucket? Bucket => null;

    public Guid? PipelineId => null;
}

public sealed class ExplainSellingTimeQueryHandler(MetricScopes scopes, ISellingTimeMetricsStore store, TimeProvider clock)
    : IQueryHandler<ExplainSellingTimeQuery, Page<MetricRecord>>
{
    public async ValueTask<Page<MetricRecord>> Handle(ExplainSellingTimeQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        return await store.ExplainAsync(ExplainPaging.Request(scope, query), clock.GetUtcNow(), cancellationToken);
    }
}

public sealed class ExplainSellingTimeQueryValidator : AbstractValidator<ExplainSellingTimeQuery>
{
    public ExplainSellingTimeQueryValidator() => this.AddExplainRules<ExplainSellingTimeQuery, SellingTimeFigure>();
}
