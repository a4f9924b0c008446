namespace SalesCrm.Domain.Forecasts;

/// <summary>The three ways a period's revenue is forecast (docs/forecasts.md).</summary>
public enum ForecastMethod
{
    StageWeighted,
    CycleAge,
    Historical,
}
