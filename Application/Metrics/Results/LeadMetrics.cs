using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Results;

/// <summary>
/// Lead conversion and response time for leads created in one span: how many became opportunities (at any time up to now),
/// how many got a logged activity, and the hours from creation to the first one (an activity logged before the lead's
/// creation counts as 0 hours).
/// </summary>
public sealed record LeadMetrics(
    long LeadsCreated,
    long LeadsConverted,
    double? ConversionRate,
    long Responded,
    long Unanswered,
    double? AverageResponseHours,
    double? MedianResponseHours);

/// <summary>
/// The leads created in one span, as the store reads them from the day rollup: how many, how many converted, how many got a
/// logged activity and the sum of their response times (ms, 0 for an activity at or before the creation), and the middle
/// response time(s) in hours (one for an odd count of responded leads, two for an even one, none for none).
/// </summary>
public sealed record LeadSpan(int SpanIndex, long Created, long Converted, long Responded, long ResponseMs, IReadOnlyList<double> MiddleHours);

public static class LeadCalculation
{
    public static LeadMetrics For(LeadSpan? span) =>
        span is null
            ? new LeadMetrics(0, 0, null, 0, 0, null, null)
            : new LeadMetrics(
                span.Created, span.Converted, Ratio.Of(span.Converted, span.Created), span.Responded, span.Created - span.Responded,
                Ratio.Of(span.ResponseMs / (double)TimeSpan.MillisecondsPerHour, span.Responded), Ratio.Median(span.MiddleHours));
}

/// <summary>The figures of the lead metrics a drill-down can list the leads of.</summary>
public enum LeadFigure
{
    LeadsCreated,
    LeadsConverted,
    LeadsResponded,
}
