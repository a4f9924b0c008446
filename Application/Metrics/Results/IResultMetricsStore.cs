using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Results;

public interface IResultMetricsStore
{
    /// <summary>Every deal of the subject (and pipeline) whose current outcome is won and whose close is in the window.</summary>
    Task<IReadOnlyList<WonDeal>> WonDealsAsync(MetricScope scope, CancellationToken cancellationToken);

    /// <summary>Deals whose current outcome is lost, closed in each span, keyed by span index.</summary>
    Task<IReadOnlyDictionary<int, long>> LostPerSpanAsync(MetricScope scope, CancellationToken cancellationToken);

    /// <summary>Open opportunities as of each span's end, as the stage-move history has them, keyed by span index.</summary>
    Task<IReadOnlyDictionary<int, long>> OpenAtSpanEndsAsync(MetricScope scope, CancellationToken cancellationToken);

    Task<IReadOnlyList<LostReasonRow>> LostReasonsAsync(MetricScope scope, CancellationToken cancellationToken);

    Task<IReadOnlyList<LostCompetitorRow>> LostCompetitorsAsync(MetricScope scope, CancellationToken cancellationToken);

    Task<Page<MetricRecord>> ExplainAsync(ExplainRequest<ResultFigure> request, CancellationToken cancellationToken);

    /// <summary>The subject's live leads created in each span: counts, response times and the middle response time(s).</summary>
    Task<IReadOnlyList<LeadSpan>> LeadsAsync(MetricScope scope, CancellationToken cancellationToken);

    Task<Page<MetricRecord>> ExplainLeadsAsync(ExplainRequest<LeadFigure> request, CancellationToken cancellationToken);
}
