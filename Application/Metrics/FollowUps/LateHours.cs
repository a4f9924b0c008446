using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.FollowUps;

/// <summary>
/// Late follow-ups counted per whole hour late (rounded up) with their summed lateness, as lead response time counts its
/// leads: the average is exact from the sums, and the median is exact from the lateness of the follow-ups in the one or
/// two hours holding the middle rank(s) (hours in order are lateness in order), the only ones read one by one.
/// </summary>
public static class LateHours
{
    /// <summary>The whole hours of a lateness rounded up, as <c>follow_ups.late_hour</c>: 1 ms late is hour 1, exactly 1 h is hour 1.</summary>
    public static long HourOf(long lateMs) => (lateMs + TimeSpan.MillisecondsPerHour - 1) / TimeSpan.MillisecondsPerHour;

    /// <summary>The hours of one span that hold its middle rank(s), with the ranks each holds counted from its least late follow-up.</summary>
    public static IReadOnlyList<(LateHour Hour, IReadOnlyList<long> Ranks)> Middle(IEnumerable<LateHour> spanHours) =>
        MiddleRanks.Holding(spanHours.Where(h => h.FollowUps > 0).OrderBy(h => h.Hour).ToList(), h => h.FollowUps);

    /// <summary>
    /// The hours and middle values of late follow-ups read one by one (a pipeline cut, which the rollup has no key for):
    /// the same rows the rollup and the middle hours' read give.
    /// </summary>
    public static (IReadOnlyList<LateHour> Hours, IReadOnlyList<LateHourValues> Middles) Of(IEnumerable<(int Span, long LateMs)> late)
    {
        var hours = late.GroupBy(f => (f.Span, Hour: HourOf(f.LateMs)))
            .Select(g => (Tally: new LateHour(g.Key.Span, g.Key.Hour, g.LongCount(), g.Sum(f => f.LateMs)), Values: g.Select(f => f.LateMs).ToList()))
            .ToList();
        var middles = hours.GroupBy(h => h.Tally.Span)
            .SelectMany(span => Middle(span.Select(h => h.Tally)).Select(m => span.Single(h => h.Tally == m.Hour)))
            .Select(h => new LateHourValues(h.Tally.Span, h.Tally.Hour, h.Values))
            .ToList();
        return (hours.Select(h => h.Tally).ToList(), middles);
    }

    /// <summary>How many follow-ups of a span were late, their median and average lateness in hours (null for none).</summary>
    public static (long Late, double? MedianHours, double? AverageHours) Figures(IReadOnlyList<LateHour> spanHours, IReadOnlyList<LateHourValues> spanMiddles)
    {
        var late = spanHours.Sum(h => h.FollowUps);
        var values = spanMiddles.ToDictionary(m => m.Hour, m => m.LateMs.Order().ToList());
        var middle = Middle(spanHours).SelectMany(m => m.Ranks.Select(r => values[m.Hour.Hour][(int)r] / (double)TimeSpan.MillisecondsPerHour));
        return (late, Ratio.Median(middle), Ratio.Of(spanHours.Sum(h => h.LateMs) / (double)TimeSpan.MillisecondsPerHour, late));
    }
}
