namespace SalesCrm.Application.Forecasts;

/// <summary>
/// What a period's three forecasts are computed from, as totals (<see cref="ForecastCalculator.TotalsAsync"/>): the won
/// revenue so far and in the trailing months, the open deals per stage and category, the typical cycle, and only those
/// open deals individually whose cycle-age probability is below 1.
/// </summary>
public sealed record ForecastTotals(
    DealTotal WonSoFar,
    IReadOnlyList<OpenDealGroup> Open,
    IReadOnlyList<YoungOpenDeal> YoungOpen,
    CycleSummary Cycle,
    DealTotal TrailingWon,
    DealTotal OpenWithoutCloseDate);

/// <summary>
/// Open deals expected to close in the period of one stage and forecast category: count, amount, and the amount of those
/// created at or before the cut <see cref="ForecastMath.AgedBefore"/> (old enough for probability 1 in the cycle-age method).
/// </summary>
public sealed record OpenDealGroup(
    Guid StageId, string StageName, int Probability, Domain.Forecasts.ForecastCategory Category, long Count, decimal Amount, decimal AgedAmount);

/// <summary>An open deal expected to close in the period created after the cut: its cycle-age probability is computed one by one.</summary>
public sealed record YoungOpenDeal(DateTimeOffset CreatedAt, decimal Amount);

/// <summary>The deals won in the 12 months before now and the median of their days from creation to close (null when none).</summary>
public sealed record CycleSummary(long Deals, double? TypicalDays);

/// <summary>Deals won in a window whose cycle (days from creation to close, 0 when closed before created) has this many whole days.</summary>
public sealed record CycleDayCount(long Days, long Deals);
