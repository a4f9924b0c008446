using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// A window read as its whole calendar months from <c>owner_months</c> plus the days before the first and after the last of
/// them from a day rollup, so a per-rep figure over a quarter reads three rows per rep instead of ninety days.
/// Bind <see cref="Parameters"/> (<c>@MonthsFrom</c>, <c>@MonthsTo</c>: the whole months are [MonthsFrom, MonthsTo)); join
/// <see cref="EdgeDays"/> to a day rollup for the rest of the window. A window without a whole month reads only days.
/// </summary>
public static class OwnerMonthWindow
{
    /// <summary>The window's days outside its whole months, as a table of from_day (inclusive) and to_day (exclusive): before them, after them.</summary>
    public const string EdgeDays = """
        (SELECT @WindowFromDay AS from_day, @MonthsFrom AS to_day UNION ALL SELECT @MonthsTo AS from_day, @WindowToDay AS to_day)
        """;

    public static object Parameters(MetricScope scope)
    {
        var (monthsFrom, monthsTo) = WholeMonths(scope.Whole.From, scope.Whole.To);
        return new { MonthsFrom = monthsFrom, MonthsTo = monthsTo };
    }

    /// <summary>The whole calendar months of the days [from, to) as [first, end), or (to, to) when it holds none.</summary>
    public static (DateOnly From, DateOnly To) WholeMonths(DateOnly from, DateOnly to)
    {
        var first = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var end = new DateOnly(to.Year, to.Month, 1);
        return first < end ? (first, end) : (to, to);
    }
}
