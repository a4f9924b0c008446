using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.FollowUps;

public interface IFollowUpMetricsStore
{
    /// <summary>One compact row per forward move, closed deal and completed follow-up of the whole window; spans are cut in memory.</summary>
    Task<FollowUpRows> ReadAsync(MetricScope scope, CancellationToken cancellationToken);

    Task<Page<MetricRecord>> ExplainAsync(ExplainRequest<FollowUpFigure> request, CancellationToken cancellationToken);
}

/// <summary>Everything section B counts over a window, one row per record, follow-up counts already summed in SQL.</summary>
public sealed record FollowUpRows(IReadOnlyList<StageAdvance> Advances, IReadOnlyList<ClosedDeal> Deals, IReadOnlyList<CompletedFollowUp> Completed);

/// <summary>A forward stage move: when, out of which stage, and the completed follow-ups between entering that stage and leaving it.</summary>
public sealed record StageAdvance(DateTimeOffset At, Guid StageId, string StageName, int Position, Guid PipelineId, long FollowUps);

/// <summary>A deal won or lost (its current outcome) with the completed follow-ups up to its close.</summary>
public sealed record ClosedDeal(DateTimeOffset ClosedAt, bool Won, long FollowUps);

public sealed record CompletedFollowUp(DateTimeOffset CompletedAt, DateTimeOffset DueAt);
