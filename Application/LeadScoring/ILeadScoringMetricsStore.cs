using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.LeadScoring;

public interface ILeadScoringMetricsStore
{
    /// <summary>
    /// The subject's live leads that became sales-qualified in each span per whole hour to their first activity since, and
    /// the response times of the leads in the hours holding each span's middle rank(s).
    /// </summary>
    Task<QualifiedResponseRows> QualifiedResponsesAsync(MetricScope scope, CancellationToken cancellationToken);

    /// <summary>The subject's live leads created in each span by current score, with the converted ones.</summary>
    Task<IReadOnlyList<ScoreCount>> ScoreCountsAsync(MetricScope scope, CancellationToken cancellationToken);

    Task<Page<MetricRecord>> ExplainAsync(ExplainRequest<LeadScoringFigure> request, CancellationToken cancellationToken);
}
