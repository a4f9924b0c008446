namespace SalesCrm.Domain.Commission;

/// <summary>The calendar span a commission plan pays over.</summary>
public enum CommissionPeriod
{
    Month,
    Quarter,
}

/// <summary>Commission periods start on a month's 1st (quarters on 1 January, April, July, October) and end, exclusive, where the next starts.</summary>
public static class CommissionPeriods
{
    public static bool IsPeriodStart(CommissionPeriod period, DateOnly start) =>
        start.Day == 1 && (period == CommissionPeriod.Month || (start.Month - 1) % 3 == 0);

    public static DateOnly EndOf(CommissionPeriod period, DateOnly start) =>
        start.AddMonths(period == CommissionPeriod.Quarter ? 3 : 1);
}
