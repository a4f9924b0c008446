using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.LeadScoring;

namespace SalesCrm.Application.LeadScoring;

/// <summary>
/// Speed to a sales-qualified lead, for the leads that became sales-qualified in a span: how many got a logged activity
/// at or after the instant they qualified, and the hours from that instant to the first such activity.
/// </summary>
public sealed record QualifiedLeadResponse(
    long SalesQualified, long Responded, long Unanswered, double? AverageResponseHours, double? MedianResponseHours);

/// <summary>Leads created in a span whose current score falls in the band, how many converted, and the rate.</summary>
public sealed record ScoreBandConversion(ScoreBand Band, int? MinScore, int? MaxScore, long LeadsCreated, long LeadsConverted, double? ConversionRate);

/// <summary>Conversion by score band, with the threshold the bands were cut at.</summary>
public sealed record ScoreBandConversions(int Threshold, IReadOnlyList<ScoreBandConversion> Bands);

/// <summary>
/// One span's live leads qualified in it with one whole hour to their first activity since, rounded up (-1: none yet, 0:
/// exactly at the qualification), and the sum of their response times in ms.
/// </summary>
public sealed record QualifiedHour(int Span, long Hour, long Leads, long ResponseMs);

/// <summary>The response times (ms) of one span's qualified leads of one hour that holds a middle rank.</summary>
public sealed record QualifiedHourValues(int Span, long Hour, IReadOnlyList<long> ResponseMs);

/// <summary>Every span's qualified leads per hour to the first response, and the response times of the hours holding the middle ranks.</summary>
public sealed record QualifiedResponseRows(IReadOnlyList<QualifiedHour> Hours, IReadOnlyList<QualifiedHourValues> Middles);

/// <summary>The leads created in one span with one current score, and how many of them became an opportunity.</summary>
public sealed record ScoreCount(int SpanIndex, int Score, long Leads, long Converted);

public static class LeadScoringCalculation
{
    public static ScoreBandConversions Bands(IReadOnlyCollection<ScoreCount> scores, int threshold) =>
        new(threshold, [.. Enum.GetValues<ScoreBand>().Select(band =>
        {
            var inBand = scores.Where(s => ScoreBands.Of(s.Score, threshold) == band).ToList();
            long leads = inBand.Sum(s => s.Leads);
            long converted = inBand.Sum(s => s.Converted);
            var (min, max) = ScoreBands.Range(band, threshold);
            return new ScoreBandConversion(band, min, max, leads, converted, Ratio.Of(converted, leads));
        })]);
}

/// <summary>The figures of lead scoring a drill-down can list the leads of.</summary>
public enum LeadScoringFigure
{
    /// <summary>Leads that became sales-qualified in the window; value: hours to the first activity since.</summary>
    SalesQualified,

    /// <summary>Of those, the ones with an activity since qualifying.</summary>
    Responded,

    /// <summary>Leads created in the window; value: the current score.</summary>
    LeadsCreated,

    /// <summary>Of those, the converted ones.</summary>
    LeadsConverted,
}
