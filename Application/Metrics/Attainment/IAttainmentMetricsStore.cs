using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Quotas;

namespace SalesCrm.Application.Metrics.Attainment;

public interface IAttainmentMetricsStore
{
    /// <summary>The subject's quotas (not deleted) whose period starts in the window, optionally of one period length and kind.</summary>
    Task<IReadOnlyList<QuotaInWindow>> QuotasAsync(MetricScope scope, QuotaPeriod? period, QuotaKind? kind, CancellationToken cancellationToken);

    /// <summary>Won deals per span (index 1 and up) and owner, among the subject's reps.</summary>
    Task<IReadOnlyList<WonDeals>> WonPerSpanAndOwnerAsync(MetricScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// For each rep, the first quota by period end (then start) whose period ends after the rep's start date and no later than
    /// <paramref name="today"/> (finished), and whose positive target was reached by what the rep won in the period (revenue or
    /// deals, as the quota counts), with what was won; none for a rep who has not reached one. Quota periods are whole
    /// months, so a finished period's figures are the sum of its months in the per-rep month rollup.
    /// </summary>
    Task<IReadOnlyList<QuotaWon>> FirstAttainedQuotasAsync(IReadOnlyList<(Guid UserId, DateOnly Start)> reps, DateOnly today, CancellationToken cancellationToken);

    /// <summary>The number of deals won in each span that has any, keyed by span index.</summary>
    Task<IReadOnlyDictionary<int, long>> DealsWonAsync(MetricScope scope, CancellationToken cancellationToken);

    /// <summary>Every non-admin user of the subject with their revenue and deals won and activities logged in the window.</summary>
    Task<IReadOnlyList<LeaderboardFigures>> LeaderboardAsync(MetricScope scope, CancellationToken cancellationToken);

    /// <summary>The deals won in the scope's window (span 0), by close time.</summary>
    Task<Page<MetricRecord>> ExplainWonAsync(ExplainRequest<FunnelFigure> request, CancellationToken cancellationToken);
}
