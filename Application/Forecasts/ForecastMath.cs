using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts;

/// <summary>The three forecast methods and the category roll-up, from the deals <see cref="ForecastCalculator"/> read. Money is rounded to 4 places.</summary>
public static class ForecastMath
{
    public static ForecastReport Report(ForecastRequest request, ForecastDeals deals) => new(
        request.Context,
        StageWeighted(deals),
        CycleAge(request, deals),
        Historical(request, deals),
        Categories(deals.Open),
        deals.OpenWithoutCloseDate);

    public static StageWeightedForecast StageWeighted(ForecastDeals deals)
    {
        var won = DealTotal.Of(deals.WonSoFar.Select(d => d.Amount));
        var stages = deals.Open
            .GroupBy(d => (d.StageId, d.StageName, d.Probability))
            .Select(g => new StageWeight(
                g.Key.StageId, g.Key.StageName, g.Key.Probability, g.Count(), g.Sum(d => d.Amount), Money(g.Sum(StageWeighted))))
            .OrderBy(s => s.Probability).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var weighted = stages.Sum(s => s.Weighted);
        return new StageWeightedForecast(won.Amount + weighted, won, DealTotal.Of(deals.Open.Select(d => d.Amount)), weighted, stages);
    }

    public static decimal StageWeighted(OpenForecastDeal deal) => deal.Amount * deal.Probability / 100m;

    public static CycleAgeForecast CycleAge(ForecastRequest request, ForecastDeals deals)
    {
        var won = DealTotal.Of(deals.WonSoFar.Select(d => d.Amount));
        var typical = TypicalCycleDays(deals);
        var weighted = deals.Open.Sum(d => Money(d.Amount * (decimal)(CycleProbability(d, typical, request.Now) ?? 0)));
        return new CycleAgeForecast(
            won.Amount + weighted, won, DealTotal.Of(deals.Open.Select(d => d.Amount)), weighted, typical, deals.CycleWon.Count,
            request.CycleFrom, request.Now);
    }

    /// <summary>The median days from creation to close of the deals won in the trailing 12 months; null when there are none.</summary>
    public static double? TypicalCycleDays(ForecastDeals deals) =>
        Ratio.Median(deals.CycleWon.Select(d => Math.Max(0, Ratio.Days(d.CreatedAt, d.ClosedAt))));

    /// <summary>A deal's age in days over the typical cycle, capped at 1, rounded to 4 places; null without a typical cycle.</summary>
    public static double? CycleProbability(OpenForecastDeal deal, double? typicalDays, DateTimeOffset now)
    {
        if (typicalDays is not { } typical)
        {
            return null;
        }

        var age = Math.Max(0, Ratio.Days(deal.CreatedAt, now));
        return typical <= 0 ? 1 : Math.Min(1, Ratio.Of(age, typical) ?? 0);
    }

    public static HistoricalForecast Historical(ForecastRequest request, ForecastDeals deals)
    {
        var trailing = DealTotal.Of(deals.TrailingWon.Select(d => d.Amount));
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
    public static IReadOnlyList<CategoryTotal> Categories(IReadOnlyList<OpenForecastDeal> open) =>
        Enum.GetValues<ForecastCategory>()
            .Select(c => new CategoryTotal(c, open.Count(d => d.Category == c), open.Where(d => d.Category == c).Sum(d => d.Amount)))
            .ToList();

    public static decimal Forecast(ForecastReport report, ForecastMethod method) => method switch
    {
        ForecastMethod.StageWeighted => report.StageWeighted.Forecast,
        ForecastMethod.CycleAge => report.CycleAge.Forecast,
        _ => report.Historical.Forecast,
    };

    private static decimal Money(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
