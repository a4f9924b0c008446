namespace SalesCrm.Application.Forecasts;

/// <summary>Everything a period's forecasts are computed from, read once so the figures and their explain agree.</summary>
public sealed record ForecastDeals(
    IReadOnlyList<WonForecastDeal> WonSoFar,
    IReadOnlyList<OpenForecastDeal> Open,
    IReadOnlyList<WonForecastDeal> CycleWon,
    IReadOnlyList<WonForecastDeal> TrailingWon,
    DealTotal OpenWithoutCloseDate);
