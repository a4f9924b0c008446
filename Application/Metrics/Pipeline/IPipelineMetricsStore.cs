using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Pipeline;

public interface IPipelineMetricsStore
{
    /// <summary>The stages of one pipeline, or of every pipeline (oldest pipeline first), in position order.</summary>
    Task<IReadOnlyList<StageInfo>> StagesAsync(Guid? pipelineId, CancellationToken cancellationToken);

    /// <summary>The opportunities open at <paramref name="asOf"/> whose owner then is in the scope's subject.</summary>
    Task<IReadOnlyList<OpenDeal>> OpenAtAsync(MetricScope scope, DateTimeOffset asOf, CancellationToken cancellationToken);

    /// <summary>The exits from any stage in the scope's window (all spans fall inside it).</summary>
    Task<IReadOnlyList<StageExit>> ExitsAsync(MetricScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// The exits that decide each open stage's historical norm, over every exit ever recorded from it (every owner): the middle
    /// exit by time spent, or the two middle ones for an even count, so their median is the median of all of them.
    /// </summary>
    Task<IReadOnlyList<StageExit>> MedianExitsAsync(Guid? pipelineId, CancellationToken cancellationToken);

    /// <summary>The entries into open stages in the scope's window, each with its fate.</summary>
    Task<IReadOnlyList<StageEntry>> EntriesAsync(MetricScope scope, CancellationToken cancellationToken);

    /// <summary>The opportunities open now whose owner is in the scope's subject.</summary>
    Task<IReadOnlyList<CurrentDeal>> OpenNowAsync(MetricScope scope, CancellationToken cancellationToken);

    Task<Page<MetricRecord>> ExplainAsync(
        ExplainRequest<PipelineFigure> request, DateTimeOffset asOf, Guid? stageId, CancellationToken cancellationToken);
}
