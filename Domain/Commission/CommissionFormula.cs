namespace SalesCrm.Domain.Commission;

/// <summary>
/// metrics.md: commission = base pay + rate × won revenue once attainment (won revenue / target) reaches the plan's
/// threshold. The threshold is compared exactly (won ≥ threshold × target), not on the rounded attainment.
/// </summary>
public static class CommissionFormula
{
    public const decimal MaxMoney = 1_000_000_000_000m;
    public const decimal MaxFraction = 100m;

    public static bool ThresholdMet(decimal wonRevenue, decimal target, decimal threshold) => wonRevenue >= threshold * target;

    /// <summary>rate × won revenue, in cents, halves away from zero; 0 below the threshold.</summary>
    public static decimal Commission(decimal wonRevenue, decimal target, decimal threshold, decimal rate) =>
        ThresholdMet(wonRevenue, target, threshold) ? Math.Round(rate * wonRevenue, 2, MidpointRounding.AwayFromZero) : 0m;

    /// <summary>Money and fractions are kept to 4 decimal places (what both databases store).</summary>
    public static bool HasStoredPrecision(decimal value) => decimal.Round(value, 4) == value;
}
