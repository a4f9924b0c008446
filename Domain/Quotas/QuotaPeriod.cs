namespace SalesCrm.Domain.Quotas;

/// <summary>The calendar span a quota covers.</summary>
public enum QuotaPeriod
{
    Month,
    Quarter,
    Year,
}

/// <summary>What a quota counts: won revenue, or the number of won deals.</summary>
public enum QuotaKind
{
    Revenue,
    Deals,
}

/// <summary>The rules of quota periods: a period starts on its first calendar day and ends (exclusive) where the next starts.</summary>
public static class QuotaPeriods
{
    public const decimal MaxRevenueTarget = 1_000_000_000_000m;
    public const decimal MaxDealsTarget = 100_000m;

    public static bool IsPeriodStart(QuotaPeriod period, DateOnly start) => start.Day == 1 && period switch
    {
        QuotaPeriod.Month => true,
        QuotaPeriod.Quarter => (start.Month - 1) % 3 == 0,
        QuotaPeriod.Year => start.Month == 1,
        _ => false,
    };

    public static DateOnly EndOf(QuotaPeriod period, DateOnly start) => period switch
    {
        QuotaPeriod.Month => start.AddMonths(1),
        QuotaPeriod.Quarter => start.AddMonths(3),
        _ => start.AddYears(1),
    };

    /// <summary>Deal-count targets are whole numbers; revenue targets have at most 4 decimal places.</summary>
    public static bool IsValidTarget(QuotaKind kind, decimal target) => kind == QuotaKind.Deals
        ? target > 0 && target <= MaxDealsTarget && decimal.Truncate(target) == target
        : target > 0 && target <= MaxRevenueTarget && decimal.Round(target, 4) == target;
}
