namespace SalesCrm.Application.Metrics.Common;

/// <summary>
/// How every ratio and average is reported: a fraction rounded to 4 decimal places, and <c>null</c> — never 0 or
/// NaN — when there is nothing to divide by. The counts are always returned beside it so a client can recompute.
/// </summary>
public static class Ratio
{
    public const int Decimals = 4;

    public static double? Of(long numerator, long denominator) => Of((double)numerator, denominator);

    public static double? Of(double numerator, double denominator) =>
        denominator == 0 ? null : Math.Round(numerator / denominator, Decimals, MidpointRounding.AwayFromZero);

    public static decimal? OfMoney(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : Math.Round(numerator / denominator, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>The mean of the values, or null for none.</summary>
    public static double? Average(IReadOnlyCollection<double> values) => Of(values.Sum(), values.Count);

    /// <summary>The median (the mean of the two middle values for an even count), or null for none.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted); // in place, unlike Order(): a quarter of won deals sorts 12,500 values per request
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.Round(median, Decimals, MidpointRounding.AwayFromZero);
    }

    public static decimal? Median(IEnumerable<decimal> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted); // in place, unlike Order(): a quarter of won deals sorts 12,500 values per request
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Days between two instants as a fraction (a day and a half is 1.5).</summary>
    public static double Days(DateTimeOffset from, DateTimeOffset to) => (to - from).TotalDays;
}
