using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Results;

/// <summary>
/// Section D results (and section C's win rate) for one span. A deal is won or lost in the span when its current outcome is
/// `won` or `lost` and its <c>closed_at</c> falls in the span; amounts are current amounts; cycle days run from creation to
/// the final close. Open opportunities are counted as of the span's end from the stage-move history.
/// </summary>
public sealed record ResultMetrics(
    long DealsWon,
    decimal RevenueWon,
    long DealsLost,
    double? WinRate,
    double? WinLossRatio,
    decimal? AverageDealSize,
    decimal? MedianDealSize,
    double? AverageCycleDays,
    double? MedianCycleDays,
    long OpenOpportunities,
    decimal? SalesVelocity);

/// <summary>One deal won in the window, as the store reads it; the handler places it in its spans.</summary>
public sealed record WonDeal(decimal Amount, DateTimeOffset CreatedAt, DateTimeOffset ClosedAt);

public static class ResultCalculation
{
    /// <summary>The figures of one span from the deals won in it, the count lost in it and the open count at its end.</summary>
    public static ResultMetrics For(IReadOnlyCollection<WonDeal> won, long lostCount, long openAtEnd)
    {
        long wonCount = won.Count;
        var revenue = won.Sum(d => d.Amount);
        var cycles = won.Select(d => Ratio.Days(d.CreatedAt, d.ClosedAt)).ToList();
        var averageCycle = Ratio.Average(cycles);
        return new ResultMetrics(
            wonCount, revenue, lostCount,
            Ratio.Of(wonCount, wonCount + lostCount), Ratio.Of(wonCount, lostCount),
            Ratio.OfMoney(revenue, wonCount), Ratio.Median(won.Select(d => d.Amount)),
            averageCycle, Ratio.Median(cycles),
            openAtEnd, Velocity(openAtEnd, wonCount, lostCount, revenue, cycles));
    }

    /// <summary>
    /// open × win rate × average deal size / average cycle days, from the unrounded parts: win rate × average size is
    /// revenue / closed deals, and the average cycle is Σ cycle days / won deals. Null when any part is undefined or the cycle is 0.
    /// </summary>
    private static decimal? Velocity(long open, long won, long lost, decimal revenue, IReadOnlyCollection<double> cycles)
    {
        var cycleDays = cycles.Sum();
        if (won == 0 || cycleDays <= 0)
        {
            return null;
        }

        // open × (won / (won + lost)) × (revenue / won) / (cycleDays / won) = open × revenue × won / ((won + lost) × cycleDays)
        var velocity = open * revenue * won / ((won + lost) * (decimal)cycleDays);
        return Math.Round(velocity, Ratio.Decimals, MidpointRounding.AwayFromZero);
    }
}

/// <summary>Closed-lost deals in the window grouped by lost reason and by competitor.</summary>
public sealed record LostReasonsReport(
    MetricContext Context, long DealsLost, decimal AmountLost, IReadOnlyList<LostReasonRow> Reasons, IReadOnlyList<LostCompetitorRow> Competitors);

/// <summary>One lost reason: how many lost deals gave it, their amount, and their share of all lost deals.</summary>
public sealed record LostReasonRow(Guid? LostReasonId, string? Name, long Count, decimal Amount, double? Share);

/// <summary>One competitor named on lost deals (<c>null</c>: none given), with count, amount and share of all lost deals.</summary>
public sealed record LostCompetitorRow(string? Competitor, long Count, decimal Amount, double? Share);

/// <summary>The figures of the results metrics a drill-down can list the deals of.</summary>
public enum ResultFigure
{
    WonDeals,
    LostDeals,
    ClosedDeals,
    OpenOpportunities,
}
