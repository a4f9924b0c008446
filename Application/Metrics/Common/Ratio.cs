using System.Numerics;

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
        var copy = values.ToArray();
        if (copy.Length == 0)
        {
            return null;
        }

        var (low, high) = Middles(copy);
        return Math.Round(copy.Length % 2 == 1 ? high : (low + high) / 2, Decimals, MidpointRounding.AwayFromZero);
    }

    public static decimal? Median(IEnumerable<decimal> values)
    {
        var copy = values.ToArray();
        if (copy.Length == 0)
        {
            return null;
        }

        var (low, high) = Middles(copy);
        return copy.Length % 2 == 1 ? high : (low + high) / 2;
    }

    /// <summary>
    /// The two middle values of a non-empty array (for an odd count <c>High</c> is the middle one), found by selection in place
    /// (Hoare's quickselect, which reorders the array): it puts the upper middle in its sorted place with nothing larger before
    /// it, so the lower middle of an even count is the largest value before it. Linear on average where a sort is n log n: a
    /// quarter of won deals is 12,500 amounts and 12,500 cycles per request. The pivot is the median of the range's first,
    /// middle and last values, and after 2·log2(n) rounds whatever range is left is sorted (as introsort does), so no order of
    /// the input makes it quadratic. .NET has no nth-element; LINQ's <c>Order().ElementAt(k)</c> copies the values and builds
    /// a key map on every call.
    /// </summary>
    private static (T Low, T High) Middles<T>(T[] values)
        where T : IComparable<T>
    {
        var upper = values.Length / 2;
        var (left, right) = (0, values.Length - 1);
        for (var rounds = 2 * (BitOperations.Log2((uint)values.Length) + 1); left < right; rounds--)
        {
            if (rounds == 0)
            {
                Array.Sort(values, left, right - left + 1);
                break;
            }

            var pivot = MedianOfThree(values[left], values[left + ((right - left) / 2)], values[right]);
            var (i, j) = (left, right);
            while (i <= j)
            {
                while (values[i].CompareTo(pivot) < 0)
                {
                    i++;
                }

                while (values[j].CompareTo(pivot) > 0)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            // Now [left, j] <= pivot <= [i, right], and any place between j and i holds the pivot's value, in its sorted place.
            if (upper <= j)
            {
                right = j;
            }
            else if (upper >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }

        var high = values[upper];
        var low = high;
        if (values.Length % 2 == 0)
        {
            low = values[0];
            for (var k = 1; k < upper; k++)
            {
                low = values[k].CompareTo(low) > 0 ? values[k] : low;
            }
        }

        return (low, high);
    }

    private static T MedianOfThree<T>(T a, T b, T c)
        where T : IComparable<T> =>
        a.CompareTo(b) < 0
            ? (b.CompareTo(c) < 0 ? b : a.CompareTo(c) < 0 ? c : a)
            : (a.CompareTo(c) < 0 ? a : b.CompareTo(c) < 0 ? c : b);

    /// <summary>Days between two instants as a fraction (a day and a half is 1.5).</summary>
    public static double Days(DateTimeOffset from, DateTimeOffset to) => (to - from).TotalDays;
}
