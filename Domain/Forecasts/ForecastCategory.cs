namespace SalesCrm.Domain.Forecasts;

/// <summary>The rep's own call on an open deal; every deal starts as <see cref="Pipeline"/>.</summary>
public enum ForecastCategory
{
    Commit,
    BestCase,
    Pipeline,
    Omitted,
}
