namespace SalesCrm.Domain.LeadScoring;

/// <summary>
/// Where a score sits relative to the organisation's threshold T: below zero, 0 up to half of T, half of T up to T,
/// and T or more (with the default T = 20: &lt;0, 0–9, 10–19, 20+).
/// </summary>
public enum ScoreBand
{
    BelowZero,
    Cold,
    Warm,
    AtThreshold,
}

public static class ScoreBands
{
    public static ScoreBand Of(int score, int threshold) =>
        score < 0 ? ScoreBand.BelowZero
        : score < threshold / 2 ? ScoreBand.Cold
        : score < threshold ? ScoreBand.Warm
        : ScoreBand.AtThreshold;

    /// <summary>The lowest and highest score of the band (null: unbounded).</summary>
    public static (int? Min, int? Max) Range(ScoreBand band, int threshold) => band switch
    {
        ScoreBand.BelowZero => (null, -1),
        ScoreBand.Cold => (0, (threshold / 2) - 1),
        ScoreBand.Warm => (threshold / 2, threshold - 1),
        _ => (threshold, null),
    };
}
