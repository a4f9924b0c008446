using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Pipeline;

public interface IPipelineMetricsStore
{
    /// <summary>The stages of one pipeline, or of every pipeline (oldest pipeline first), in position order.</summary>
    Task<IReadOnlyList<StageInfo>> StagesAsync(Guid? pipelineId, CancellationToken cancellationToken);

    /// <summary>
    /// The opportunities open at <paramref name="asOf"/> whose owner then is in the scope's subject, grouped by stage and owner:
    /// read from the current state when nothing has moved, entered a stage or changed owner since, else replayed from the
    /// stage history.
    /// </summary>
    Task<OpenPipeline> OpenPipelineAsync(MetricScope scope, DateTimeOffset asOf, CancellationToken cancellationToken);

    /// <summary>
    /// The exits from each open stage in each of the scope's spans (none listed for a stage without exits in a span): count,
    /// total time spent and the middle exit(s) by time spent.
    /// </summary>
    Task<IReadOnlyList<StageSpanExits>> ExitsAsync(MetricScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// The exits that decide each open stage's historical norm, over every exit ever recorded from it (every owner): the middle
    /// exit by time spent, or the two middle ones for an even count, so their median is the median of all of them.
    /// </summary>
    Task<IReadOnlyList<StageExit>> MedianExitsAsync(Guid? pipelineId, CancellationToken cancellationToken);

    /// <summary>The entries into each open stage in each of the scope's spans, counted by fate.</summary>
    Task<IReadOnlyList<StageSpanEntries>> EntriesAsync(MetricScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// A page of the opportunities open now, owned by the scope's subject, that entered their stage before its limit: those of
    /// <paramref name="limits"/>' stages only, longest in stage first (then by id), after <paramref name="after"/>.
    /// </summary>
    Task<IReadOnlyList<CurrentDeal>> StaleDealsAsync(
        MetricScope scope, IReadOnlyList<StageLimit> limits, ExplainPosition? after, int take, CancellationToken cancellationToken);

    Task<Page<MetricRecord>> ExplainAsync(
        ExplainRequest<PipelineFigure> request, DateTimeOffset asOf, Guid? stageId, CancellationToken cancellationToken);
}
