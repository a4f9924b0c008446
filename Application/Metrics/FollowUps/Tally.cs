using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.FollowUps;

/// <summary>A value and how many records have it (an advance's follow-up count and how many advances needed it).</summary>
public readonly record struct Tallied(double Value, long Count);

/// <summary>
/// Counts, averages and medians of tallied values: the same as <see cref="Ratio.Average"/> and <see cref="Ratio.Median(IEnumerable{double})"/>
/// of the list with every value repeated its count of times, without building that list.
/// </summary>
public static class Tally
{
    public static long Count(IEnumerable<Tallied> values) => values.Sum(v => v.Count);

    public static long CountWhere(IEnumerable<Tallied> values, Func<double, bool> predicate) => values.Where(v => predicate(v.Value)).Sum(v => v.Count);

    public static double? Average(IReadOnlyCollection<Tallied> values) => Ratio.Of(values.Sum(v => v.Value * v.Count), Count(values));

    /// <summary>The median (the mean of the two middle values for an even count), rounded as <see cref="Ratio.Median(IEnumerable{double})"/>, or null for none.</summary>
    public static double? Median(IEnumerable<Tallied> values)
    {
        var sorted = values.Where(v => v.Count > 0).OrderBy(v => v.Value).ToList();
        var count = Count(sorted);
        if (count == 0)
        {
            return null;
        }

        var middle = count / 2;
        var median = count % 2 == 1 ? At(sorted, middle) : (At(sorted, middle - 1) + At(sorted, middle)) / 2;
        return Math.Round(median, Ratio.Decimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>The value at a position of the sorted, repeated list.</summary>
    private static double At(List<Tallied> sorted, long position)
    {
        foreach (var value in sorted)
        {
            if (position < value.Count)
            {
                return value.Value;
            }

            position -= value.Count;
        }

        throw new ArgumentOutOfRangeException(nameof(position));
    }
}
