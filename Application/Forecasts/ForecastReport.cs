using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts;

/// <summary>What a forecast answered for: the period in the organisation's zone, the subject, and the instant it was computed at.</summary>
public sealed record ForecastContext(
    ForecastPeriod Period, DateOnly Start, DateOnly End, string TimeZone, Guid? TeamId, Guid? UserId, Guid? PipelineId, DateTimeOffset AsOf);

/// <summary>The three forecasts of one period side by side, the category roll-up, and the open deals left out for lack of a close date.</summary>
public sealed record ForecastReport(
    ForecastContext Context,
    StageWeightedForecast StageWeighted,
    CycleAgeForecast CycleAge,
    HistoricalForecast Historical,
    IReadOnlyList<CategoryTotal> Categories,
    DealTotal OpenWithoutCloseDate);

/// <summary>A count of deals and the sum of their amounts.</summary>
public sealed record DealTotal(long Count, decimal Amount)
{
    public static DealTotal Of(IEnumerable<decimal> amounts)
    {
        var list = amounts.ToList();
        return new DealTotal(list.Count, list.Sum());
    }
}

/// <summary>Won so far + Σ amount × stage probability over the open deals expected to close in the period.</summary>
public sealed record StageWeightedForecast(decimal Forecast, DealTotal WonSoFar, DealTotal OpenDeals, decimal Weighted, IReadOnlyList<StageWeight> Stages);

public sealed record StageWeight(Guid StageId, string Name, int Probability, long Count, decimal Amount, decimal Weighted);

/// <summary>
/// Won so far + Σ amount × min(1, age / typical cycle) over the open deals expected to close in the period; the typical
/// cycle is the median days from creation to close of the subject's deals won in the trailing 12 months.
/// </summary>
public sealed record CycleAgeForecast(
    decimal Forecast, DealTotal WonSoFar, DealTotal OpenDeals, decimal Weighted, double? TypicalCycleDays, long CycleDeals,
    DateTimeOffset CycleFrom, DateTimeOffset CycleTo);

/// <summary>Trailing three-month average monthly won revenue × months × (1 + growth) + new reps × their deals × deal size.</summary>
public sealed record HistoricalForecast(
    decimal Forecast, DateOnly TrailingFrom, DateOnly TrailingTo, DealTotal TrailingWon, decimal AverageMonthlyRevenue, int Months,
    decimal GrowthRate, decimal Baseline, int NewReps, int NewRepDeals, decimal NewRepDealSize, decimal NewRepRevenue);

/// <summary>Open deals expected to close in the period with this forecast category.</summary>
public sealed record CategoryTotal(ForecastCategory Category, long Count, decimal Amount);
