using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.LeadScoring;

public interface ILeadScoringMetricsStore
{
    /// <summary>The subject's live leads that became sales-qualified in the window, with their first activity since.</summary>
    Task<IReadOnlyList<QualifiedLead>> QualifiedLeadsAsync(MetricScope scope, CancellationToken cancellationToken);

    /// <summary>The subject's live leads created in each span by current score, with the converted ones.</summary>
    Task<IReadOnlyList<ScoreCount>> ScoreCountsAsync(MetricScope scope, CancellationToken cancellationToken);

    Task<Page<MetricRecord>> ExplainAsync(ExplainRequest<LeadScoringFigure> request, CancellationToken cancellationToken);
}
