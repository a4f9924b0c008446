using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.SellingTime;

public interface ISellingTimeMetricsStore
{
    /// <summary>The selling seconds of each span that has any, keyed by span index.</summary>
    Task<IReadOnlyDictionary<int, SellingSeconds>> SellingAsync(MetricScope scope, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The non-selling minutes of each span that has any, keyed by span index.</summary>
    Task<IReadOnlyDictionary<int, NonSellingMinutes>> NonSellingAsync(MetricScope scope, CancellationToken cancellationToken);

    /// <summary>Every rep of the subject with their selling and non-selling time over the whole window.</summary>
    Task<IReadOnlyList<SellingTimeRepRow>> PerRepAsync(MetricScope scope, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Page<MetricRecord>> ExplainAsync(ExplainRequest<SellingTimeFigure> request, DateTimeOffset now, CancellationToken cancellationToken);
}
