using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.FollowUps;

namespace SalesCrm.UnitTests.Metrics;

/// <summary>Tallied values give the same count, average and median as the list with every value repeated its count of times.</summary>
public sealed class TallyTests
{
    [Fact]
    public void An_odd_count_has_the_middle_value_as_its_median()
    {
        // 2, 5, 5, 5, 9: median 5, average 26 / 5 = 5.2.
        Tallied[] values = [new(5, 3), new(9, 1), new(2, 1)];
        Assert.Equal((5L, 5.2, 5.0), (Tally.Count(values), Tally.Average(values)!.Value, Tally.Median(values)!.Value));
    }

    [Fact]
    public void An_even_count_has_the_mean_of_the_two_middle_values_across_tallies()
    {
        // 1, 1, 4, 6: the middle two, 1 and 4, from different tallies: median 2.5; average 12 / 4 = 3.
        Tallied[] values = [new(6, 1), new(1, 2), new(4, 1), new(3, 0)];
        Assert.Equal((4L, 3.0, 2.5), (Tally.Count(values), Tally.Average(values)!.Value, Tally.Median(values)!.Value));
    }

    [Fact]
    public void No_values_have_no_average_or_median()
    {
        Tallied[] values = [new(7, 0)];
        Assert.Equal((0L, (double?)null, (double?)null), (Tally.Count(values), Tally.Average(values), Tally.Median(values)));
    }

    [Fact]
    public void Tallies_agree_with_the_repeated_list()
    {
        var random = new Random(11);
        for (var round = 0; round < 200; round++)
        {
            var values = Enumerable.Range(0, random.Next(1, 8)).Select(_ => new Tallied(random.Next(0, 12) / 4.0, random.Next(0, 5))).ToList();
            var repeated = values.SelectMany(v => Enumerable.Repeat(v.Value, (int)v.Count)).ToList();
            Assert.Equal(repeated.Count, Tally.Count(values));
            Assert.Equal(Ratio.Median(repeated), Tally.Median(values));
            Assert.Equal(Ratio.Average(repeated), Tally.Average(values));
            Assert.Equal(repeated.Count(v => v >= 2), Tally.CountWhere(values, v => v >= 2));
        }
    }
}
