namespace SalesCrm.Domain.Forecasts;

/// <summary>The calendar span a forecast is made for, in the organisation's time zone.</summary>
public enum ForecastPeriod
{
    Month,
    Quarter,
}

/// <summary>The rules of forecast periods: a period starts on its first calendar day and ends (exclusive) where the next starts.</summary>
public static class ForecastPeriods
{
    /// <summary>How far ahead a forecast may look: periods starting more than two years after today are refused.</summary>
    public const int MaxYearsAhead = 2;

    public static bool IsPeriodStart(ForecastPeriod period, DateOnly start) =>
        start.Day == 1 && (period == ForecastPeriod.Month || (start.Month - 1) % 3 == 0);

    public static DateOnly EndOf(ForecastPeriod period, DateOnly start) =>
        start.AddMonths(period == ForecastPeriod.Month ? 1 : 3);

    /// <summary>The first day of the period holding <paramref name="date"/>.</summary>
    public static DateOnly StartHolding(ForecastPeriod period, DateOnly date) => period == ForecastPeriod.Month
        ? new DateOnly(date.Year, date.Month, 1)
        : new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1);

    public static int Months(ForecastPeriod period) => period == ForecastPeriod.Month ? 1 : 3;
}
