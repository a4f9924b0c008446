using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.UnitTests.Metrics;

public sealed class RatioMedianTests
{
    [Fact]
    public void The_median_of_amounts_is_the_middle_one_or_the_mean_of_the_two_middle_ones()
    {
        Assert.Equal(1_000.5m, Ratio.Median([12_000m, 1_000.5m, -3m]));               // -3, 1,000.5, 12,000
        Assert.Equal(600.0001m, Ratio.Median([0.0001m, 1_200.0001m, 5_000m, 0.0001m])); // (0.0001 + 1,200.0001) / 2
        Assert.Null(Ratio.Median(Array.Empty<decimal>()));
    }

    [Fact]
    public void Repeated_values_and_a_single_value_have_the_median_a_sort_gives()
    {
        Assert.Equal(7m, Ratio.Median([7m]));
        Assert.Equal(2m, Ratio.Median([2m, 2m, 2m, 2m]));
        Assert.Equal(2.5, Ratio.Median([3.0, 2.0, 3.0, 2.0, 2.0, 3.0]));  // 2, 2, 2 | 3, 3, 3: (2 + 3) / 2
        Assert.Equal(1.0, Ratio.Median([5.0, 1.0, 1.0, 1.0, 9.0]));       // 1, 1, 1, 5, 9
        Assert.Equal(4.5, Ratio.Median([9.0, 8.0, 1.0, 0.0, 5.0, 4.0, 3.0, 7.0, 6.0, 2.0])); // 0..9: (4 + 5) / 2
    }

    /// <summary>
    /// The selection against a full sort, for every count up to 200 and values drawn from a few (many repeats) or from
    /// many: the same median each time, whatever the order the values come in.
    /// </summary>
    [Fact]
    public void The_selection_agrees_with_a_full_sort_on_random_values()
    {
        var random = new Random(20261124);
        for (var count = 1; count <= 200; count++)
        {
            foreach (var distinct in new[] { 3, 1_000_000 })
            {
                var amounts = Enumerable.Range(0, count).Select(_ => random.Next(distinct) / 100m).ToArray();
                var cycles = Enumerable.Range(0, count).Select(_ => random.Next(distinct) / 7.0).ToArray();

                Assert.Equal(SortedMedian(amounts), Ratio.Median(amounts));
                Assert.Equal(Math.Round(SortedMedian(cycles), Ratio.Decimals, MidpointRounding.AwayFromZero), Ratio.Median(cycles));
            }
        }
    }

    /// <summary>
    /// Orders that defeat a middle-element pivot (two sorted runs one after the other, values rising then falling, sorted,
    /// reversed, all equal) at the size of a quarter's won deals: still the median a sort gives.
    /// </summary>
    [Theory]
    [InlineData(12_500)]
    [InlineData(12_501)]
    public void Orders_that_defeat_a_simple_pivot_still_give_the_sorted_median(int count)
    {
        var half = count / 2;
        var shapes = new Dictionary<string, decimal[]>
        {
            ["two rising runs"] = [.. Enumerable.Range(0, half), .. Enumerable.Range(0, count - half)],
            ["rising then falling"] = [.. Enumerable.Range(0, count).Select(i => (decimal)Math.Min(i, count - i))],
            ["sorted"] = [.. Enumerable.Range(0, count)],
            ["reversed"] = [.. Enumerable.Range(0, count).Reverse()],
            ["all equal"] = [.. Enumerable.Repeat(5m, count)],
        };

        foreach (var (shape, amounts) in shapes)
        {
            Assert.True(SortedMedian(amounts) == Ratio.Median(amounts), shape);
            Assert.True(Math.Round(SortedMedian([.. amounts.Select(a => (double)a)]), Ratio.Decimals) == Ratio.Median(amounts.Select(a => (double)a)), shape);
        }
    }

    private static decimal SortedMedian(decimal[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double SortedMedian(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
