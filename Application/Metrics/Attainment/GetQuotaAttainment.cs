using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Common.Validation;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Quotas;
using SalesCrm.Domain.Quotas;

namespace SalesCrm.Application.Metrics.Attainment;

/// <summary>The subject's quotas whose period starts in [from, to), each measured over its own period, and the share at or above 100%.</summary>
public sealed record GetQuotaAttainmentQuery(DateOnly From, DateOnly To, Guid? TeamId = null, Guid? UserId = null, QuotaPeriod? Period = null)
    : IQuery<QuotaAttainmentReport>, IMetricQuery
{
    public Bucket? Bucket => null;
}

public sealed class GetQuotaAttainmentQueryHandler(MetricScopes scopes, IAttainmentMetricsStore store, TimeProvider clock)
    : IQueryHandler<GetQuotaAttainmentQuery, QuotaAttainmentReport>
{
    public async ValueTask<QuotaAttainmentReport> Handle(GetQuotaAttainmentQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var rows = await QuotaMeasure.MeasureAsync(store, scope, query.Period, null, clock.Now(), cancellationToken);
        return new QuotaAttainmentReport(scope.Context, QuotaAttainmentSummary.Of(rows), rows);
    }
}

public sealed class GetQuotaAttainmentQueryValidator : AbstractValidator<GetQuotaAttainmentQuery>
{
    public GetQuotaAttainmentQueryValidator()
    {
        this.AddWindowRules();
        RuleFor(x => x.Period).IsInEnum();
    }
}

/// <summary>The won deals one quota counted: its rep's deals won in the quota's period (up to now while it runs), oldest first.</summary>
public sealed record ExplainQuotaAttainmentQuery(Guid QuotaId, int? Limit = null, string? Cursor = null) : IQuery<Page<MetricRecord>>, IPageRequest;

public sealed class ExplainQuotaAttainmentQueryHandler(QuotaAccess access, MetricScopes scopes, IAttainmentMetricsStore store, TimeProvider clock)
    : IQueryHandler<ExplainQuotaAttainmentQuery, Page<MetricRecord>>
{
    public async ValueTask<Page<MetricRecord>> Handle(ExplainQuotaAttainmentQuery query, CancellationToken cancellationToken)
    {
        var quota = await access.QuotaToReadAsync(query.QuotaId, cancellationToken);
        var scope = QuotaMeasure.PeriodScope(quota.UserId, quota.PeriodStart, quota.PeriodEnd, await scopes.ZoneAsync(cancellationToken), clock.Now());
        var page = new WonDealsPage(quota.PeriodStart, quota.PeriodEnd, quota.UserId, query.Limit, query.Cursor);
        return await store.ExplainWonAsync(ExplainPaging.Request(scope, page), cancellationToken);
    }

    /// <summary>The quota's drill-down in the shape <see cref="ExplainPaging"/> reads: the deals-won figure over the quota's period.</summary>
    private sealed record WonDealsPage(DateOnly From, DateOnly To, Guid? UserId, int? Limit, string? Cursor) : IExplainQuery<FunnelFigure>
    {
        public FunnelFigure Figure => FunnelFigure.DealsWon;

        public Bucket? Bucket => null;

        public Guid? TeamId => null;

        public Guid? PipelineId => null;
    }
}

public sealed class ExplainQuotaAttainmentQueryValidator : AbstractValidator<ExplainQuotaAttainmentQuery>
{
    public ExplainQuotaAttainmentQueryValidator() => this.AddPageRules();
}
