using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.FollowUps;

public interface IFollowUpMetricsStore
{
    /// <summary>One compact row per forward move, closed deal and late follow-up of the whole window (spans are cut in memory), and completed counts per span.</summary>
    Task<FollowUpRows> ReadAsync(MetricScope scope, CancellationToken cancellationToken);

    Task<Page<MetricRecord>> ExplainAsync(ExplainRequest<FollowUpFigure> request, CancellationToken cancellationToken);
}

/// <summary>
/// Everything section B counts over a window: one row per advance, deal and late follow-up, follow-up counts already
/// summed in SQL; the completed and on-time follow-ups of each span (by span index).
/// </summary>
public sealed record FollowUpRows(
    IReadOnlyList<StageAdvance> Advances, IReadOnlyList<ClosedDeal> Deals, IReadOnlyDictionary<int, CompletedFollowUps> Completed,
    IReadOnlyList<LateFollowUp> Late);

/// <summary>A forward stage move: when, out of which stage, and the completed follow-ups between entering that stage and leaving it.</summary>
public sealed record StageAdvance(DateTimeOffset At, Guid StageId, string StageName, int Position, Guid PipelineId, long FollowUps);

/// <summary>A deal won or lost (its current outcome) with the completed follow-ups up to its close.</summary>
public sealed record ClosedDeal(DateTimeOffset ClosedAt, bool Won, long FollowUps);

/// <summary>Follow-ups completed in a span, and how many of them by their due time.</summary>
public sealed record CompletedFollowUps(long Completed, long OnTime)
{
    public static CompletedFollowUps None { get; } = new(0, 0);
}

/// <summary>A follow-up completed after its due time.</summary>
public sealed record LateFollowUp(DateTimeOffset CompletedAt, DateTimeOffset DueAt);
