using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Activity;

public interface IActivityMetricsStore
{
    /// <summary>The counts of each span that has any, keyed by span index.</summary>
    Task<IReadOnlyDictionary<int, ActivityCounts>> CountAsync(MetricScope scope, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Only the calls, emails, meetings and notes of each span that has any (one read of the day rollups).</summary>
    Task<IReadOnlyDictionary<int, LoggedActivityCounts>> CountLoggedAsync(MetricScope scope, CancellationToken cancellationToken);

    /// <summary>Every rep of the subject with their counts per activity type over the whole window, busiest first.</summary>
    Task<IReadOnlyList<ActivityMixRow>> MixAsync(MetricScope scope, CancellationToken cancellationToken);

    Task<Page<MetricRecord>> ExplainAsync(ExplainRequest<ActivityFigure> request, DateTimeOffset now, CancellationToken cancellationToken);
}
