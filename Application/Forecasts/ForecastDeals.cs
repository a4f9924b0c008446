namespace SalesCrm.Application.Forecasts;

/// <summary>The deals one forecast's explain lists, read by the same definitions as <see cref="ForecastTotals"/>, and the typical cycle it used.</summary>
public sealed record ForecastDeals(
    IReadOnlyList<WonForecastDeal> WonSoFar,
    IReadOnlyList<OpenForecastDeal> Open,
    IReadOnlyList<WonForecastDeal> TrailingWon,
    double? TypicalCycleDays);
