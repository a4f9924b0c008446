using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.UnitTests.Metrics;

public sealed class MiddleRanksTests
{
    // Buckets in value order with their counts: 3 values, none, 4 values, 2 values (9 in all, ranks 0–8).
    private static readonly (string Name, long Count)[] Buckets = [("a", 3), ("b", 0), ("c", 4), ("d", 2)];

    [Fact]
    public void The_middle_ranks_are_one_for_an_odd_count_and_two_for_an_even_one()
    {
        Assert.Equal([4L], MiddleRanks.Of(9));
        Assert.Equal([4L, 5L], MiddleRanks.Of(10));
        Assert.Empty(MiddleRanks.Of(0));
    }

    [Fact]
    public void The_buckets_holding_the_middle_ranks_say_which_of_their_own_values_they_are()
    {
        // 9 values: the middle rank 4 is c's second value (a holds ranks 0–2, b none, c 3–6).
        var held = MiddleRanks.Holding(Buckets, b => b.Count);
        Assert.Equal([("c", (IReadOnlyList<long>)[1L])], held.Select(h => (h.Bucket.Name, h.Ranks)));
    }

    [Fact]
    public void A_rank_is_located_in_its_bucket_skipping_empty_ones()
    {
        Assert.Equal((("a", 3L), 0L), MiddleRanks.Locate(Buckets, b => b.Count, 0));
        Assert.Equal((("c", 4L), 0L), MiddleRanks.Locate(Buckets, b => b.Count, 3)); // b is empty: rank 3 is c's first
        Assert.Equal((("d", 2L), 1L), MiddleRanks.Locate(Buckets, b => b.Count, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => MiddleRanks.Locate(Buckets, b => b.Count, 9));
    }
}
