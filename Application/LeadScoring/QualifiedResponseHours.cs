using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.LeadScoring;

/// <summary>
/// Qualified leads counted per whole hour to their first response (rounded up) with their summed response time, as lead
/// response time counts its leads: the average is exact from the sums, and the median is exact from the response times of
/// the leads in the one or two hours holding the middle rank(s) (hours in order are response times in order; hour 0 holds
/// only zeros), the only ones read one by one.
/// </summary>
public static class QualifiedResponseHours
{
    /// <summary>The hours of one span that hold the middle rank(s) of its responded leads, with the ranks each holds from its fastest lead.</summary>
    public static IReadOnlyList<(QualifiedHour Hour, IReadOnlyList<long> Ranks)> Middle(IEnumerable<QualifiedHour> spanHours) =>
        MiddleRanks.Holding(spanHours.Where(h => h.Hour >= 0 && h.Leads > 0).OrderBy(h => h.Hour).ToList(), h => h.Leads);

    /// <summary>The figures of one span from its hours and the response times of its middle hours (hour 0 needs none: all are 0).</summary>
    public static QualifiedLeadResponse Figures(IReadOnlyList<QualifiedHour> spanHours, IReadOnlyList<QualifiedHourValues> spanMiddles)
    {
        var qualified = spanHours.Sum(h => h.Leads);
        var responded = spanHours.Where(h => h.Hour >= 0).Sum(h => h.Leads);
        var values = spanMiddles.ToDictionary(m => m.Hour, m => m.ResponseMs.Order().ToList());
        var middle = Middle(spanHours).SelectMany(m => m.Ranks.Select(r =>
            m.Hour.Hour == 0 ? 0.0 : values[m.Hour.Hour][(int)r] / (double)TimeSpan.MillisecondsPerHour));
        return new QualifiedLeadResponse(
            qualified, responded, qualified - responded,
            Ratio.Of(spanHours.Where(h => h.Hour >= 0).Sum(h => h.ResponseMs) / (double)TimeSpan.MillisecondsPerHour, responded),
            Ratio.Median(middle));
    }
}
