using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.FollowUps;

public interface IFollowUpMetricsStore
{
    /// <summary>Every span's advances, closed deals and late follow-ups, tallied by follow-up count or lateness, and completed counts per span.</summary>
    Task<FollowUpRows> ReadAsync(MetricScope scope, CancellationToken cancellationToken);

    Task<Page<MetricRecord>> ExplainAsync(ExplainRequest<FollowUpFigure> request, CancellationToken cancellationToken);
}

/// <summary>
/// Everything section B counts over a window, per span (by <see cref="MetricSpan.Index"/>): how many advances, deals and
/// late follow-ups share a follow-up count or a lateness (so averages and medians stay exact without a row per record),
/// and the completed and on-time follow-ups of each span.
/// </summary>
public sealed record FollowUpRows(
    IReadOnlyList<StageAdvances> Advances, IReadOnlyList<ClosedDeals> Deals, IReadOnlyDictionary<int, CompletedFollowUps> Completed,
    IReadOnlyList<LateFollowUps> Late);

/// <summary>The forward stage moves of a span out of one stage that each had <paramref name="FollowUps"/> completed follow-ups in the stage left.</summary>
public sealed record StageAdvances(int Span, Guid StageId, string StageName, int Position, Guid PipelineId, long FollowUps, long Moves);

/// <summary>The deals of a span won (or lost: their current outcome) with <paramref name="FollowUps"/> completed follow-ups up to their close.</summary>
public sealed record ClosedDeals(int Span, bool Won, long FollowUps, long Deals);

/// <summary>Follow-ups completed in a span, and how many of them by their due time.</summary>
public sealed record CompletedFollowUps(long Completed, long OnTime)
{
    public static CompletedFollowUps None { get; } = new(0, 0);
}

/// <summary>The follow-ups of a span completed <paramref name="Lateness"/> after their due time.</summary>
public sealed record LateFollowUps(int Span, TimeSpan Lateness, long FollowUps);
