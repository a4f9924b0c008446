using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.FollowUps;

public interface IFollowUpMetricsStore
{
    /// <summary>
    /// Every span's advances and closed deals tallied by follow-up count, late follow-ups per whole hour late, the exact
    /// lateness of the late follow-ups in the hour(s) holding each span's middle rank(s), and completed counts per span.
    /// </summary>
    Task<FollowUpRows> ReadAsync(MetricScope scope, CancellationToken cancellationToken);

    Task<Page<MetricRecord>> ExplainAsync(ExplainRequest<FollowUpFigure> request, CancellationToken cancellationToken);
}

/// <summary>
/// Everything section B counts over a window, per span (by <see cref="MetricSpan.Index"/>): how many advances and deals
/// share a follow-up count (so averages and medians stay exact without a row per record), the late follow-ups per whole
/// hour late with their summed lateness (the average) and the exact lateness of those in the hour(s) holding the middle
/// rank(s) (the median, see <see cref="LateHours"/>), and the completed and on-time follow-ups of each span.
/// </summary>
public sealed record FollowUpRows(
    IReadOnlyList<StageAdvances> Advances, IReadOnlyList<ClosedDeals> Deals, IReadOnlyDictionary<int, CompletedFollowUps> Completed,
    IReadOnlyList<LateHour> Late, IReadOnlyList<LateHourValues> LateMiddles);

/// <summary>The forward stage moves of a span out of one stage that each had <paramref name="FollowUps"/> completed follow-ups in the stage left.</summary>
public sealed record StageAdvances(int Span, Guid StageId, string StageName, int Position, Guid PipelineId, long FollowUps, long Moves);

/// <summary>The deals of a span won (or lost: their current outcome) with <paramref name="FollowUps"/> completed follow-ups up to their close.</summary>
public sealed record ClosedDeals(int Span, bool Won, long FollowUps, long Deals);

/// <summary>Follow-ups completed in a span, and how many of them by their due time.</summary>
public sealed record CompletedFollowUps(long Completed, long OnTime)
{
    public static CompletedFollowUps None { get; } = new(0, 0);
}

/// <summary>
/// The follow-ups of a span completed after their due time by <paramref name="Hour"/> whole hours rounded up (more than
/// Hour - 1 and at most Hour hours): how many, and their lateness summed in ms.
/// </summary>
public sealed record LateHour(int Span, long Hour, long FollowUps, long LateMs);

/// <summary>The exact lateness in ms of every late follow-up of a span in one whole hour (read for the hours holding its middle ranks).</summary>
public sealed record LateHourValues(int Span, long Hour, IReadOnlyList<long> LateMs);
