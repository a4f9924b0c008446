using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts;

/// <summary>The three forecast methods and the category roll-up, from the totals <see cref="ForecastCalculator"/> read. Money is rounded to 4 places.</summary>
public static class ForecastMath
{
    public static ForecastReport Report(ForecastRequest request, ForecastTotals totals) => new(
        request.Context,
        StageWeighted(totals),
        CycleAge(request, totals),
        Historical(request, totals),
        Categories(totals.Open),
        totals.OpenWithoutCloseDate);

    public static StageWeightedForecast StageWeighted(ForecastTotals totals)
    {
        var stages = totals.Open
            .GroupBy(g => (g.StageId, g.StageName, g.Probability))
            .Select(g => new StageWeight(
                g.Key.StageId, g.Key.StageName, g.Key.Probability, g.Sum(d => d.Count), g.Sum(d => d.Amount),
                Money(g.Sum(d => d.Amount) * g.Key.Probability / 100m)))
            .OrderBy(s => s.Probability).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var weighted = stages.Sum(s => s.Weighted);
        return new StageWeightedForecast(totals.WonSoFar.Amount + weighted, totals.WonSoFar, OpenTotal(totals.Open), weighted, stages);
    }

    /// <summary>
    /// Won so far + Σ Money(amount × probability) over the open deals: the deals created at or before <see cref="AgedBefore"/>
    /// have probability 1 (their amounts summed), the younger ones are weighted one by one.
    /// </summary>
    public static CycleAgeForecast CycleAge(ForecastRequest request, ForecastTotals totals)
    {
        var typical = totals.Cycle.TypicalDays;
        var weighted = typical is null
            ? 0m
            : totals.Open.Sum(g => g.AgedAmount)
              + totals.YoungOpen.Sum(d => Money(d.Amount * (decimal)(CycleProbability(d.CreatedAt, typical, request.Now) ?? 0)));
        return new CycleAgeForecast(
            totals.WonSoFar.Amount + weighted, totals.WonSoFar, OpenTotal(totals.Open), weighted, typical, totals.Cycle.Deals,
            request.CycleFrom, request.Now);
    }

    /// <summary>
    /// The creation instant at or before which an open deal's cycle-age probability is 1 whatever its exact age: a day
    /// older than the typical cycle (every deal when the typical cycle is 0 or there is none, which weighs nothing).
    /// </summary>
    public static DateTimeOffset AgedBefore(double? typicalDays, DateTimeOffset now) =>
        typicalDays is { } typical && typical > 0 ? now.AddDays(-typical - 1) : DateTimeOffset.MaxValue;

    /// <summary>Days from creation to close, 0 when closed before created: what the typical cycle is the median of.</summary>
    public static double CycleDays(DateTimeOffset createdAt, DateTimeOffset closedAt) => Math.Max(0, Ratio.Days(createdAt, closedAt));

    /// <summary>A deal's age in days over the typical cycle, capped at 1, rounded to 4 places; null without a typical cycle.</summary>
    public static double? CycleProbability(DateTimeOffset createdAt, double? typicalDays, DateTimeOffset now)
    {
        if (typicalDays is not { } typical)
        {
            return null;
        }

        var age = Math.Max(0, Ratio.Days(createdAt, now));
        return typical <= 0 ? 1 : Math.Min(1, Ratio.Of(age, typical) ?? 0);
    }

    public static HistoricalForecast Historical(ForecastRequest request, ForecastTotals totals)
    {
        var trailing = totals.TrailingWon;
        var inputs = request.Inputs;
        var monthly = Money(trailing.Amount / ForecastRequest.TrailingMonths);
        var months = ForecastPeriods.Months(request.Period);
        var baseline = Money(monthly * months * (1 + inputs.GrowthRate));
        var dealSize = inputs.NewRepDealSize ?? (trailing.Count == 0 ? 0m : Money(trailing.Amount / trailing.Count));
        var newRepRevenue = Money(inputs.NewReps * inputs.NewRepDeals * dealSize);
        return new HistoricalForecast(
            baseline + newRepRevenue, request.TrailingFrom, request.TrailingTo, trailing, monthly, months, inputs.GrowthRate, baseline,
            inputs.NewReps, inputs.NewRepDeals, dealSize, newRepRevenue);
    }

    /// <summary>Every category, empty ones included, over the open deals expected to close in the period.</summary>
    public static IReadOnlyList<CategoryTotal> Categories(IReadOnlyList<OpenDealGroup> open) =>
        Enum.GetValues<ForecastCategory>()
            .Select(c => new CategoryTotal(c, open.Where(g => g.Category == c).Sum(g => g.Count), open.Where(g => g.Category == c).Sum(g => g.Amount)))
            .ToList();

    public static decimal Forecast(ForecastReport report, ForecastMethod method) => method switch
    {
        ForecastMethod.StageWeighted => report.StageWeighted.Forecast,
        ForecastMethod.CycleAge => report.CycleAge.Forecast,
        _ => report.Historical.Forecast,
    };

    private static DealTotal OpenTotal(IReadOnlyList<OpenDealGroup> open) => new(open.Sum(g => g.Count), open.Sum(g => g.Amount));

    private static decimal Money(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
