namespace SalesCrm.Application.Metrics.Common;

/// <summary>
/// Where the median of counted values lies when the values are counted per bucket (a whole day, a whole hour) in value
/// order: the one or two buckets holding the middle rank(s), so that only their values need to be read.
/// </summary>
public static class MiddleRanks
{
    /// <summary>The middle rank(s), from 0, of <paramref name="total"/> ordered values: one for an odd count, two for an even one, none for zero.</summary>
    public static IReadOnlyList<long> Of(long total) =>
        total <= 0 ? [] : total % 2 == 1 ? [total / 2] : [(total / 2) - 1, total / 2];

    /// <summary>
    /// Each bucket (given in value order) that holds a middle rank of all the buckets' values, with the ranks it holds counted
    /// from its own first value.
    /// </summary>
    public static IReadOnlyList<(T Bucket, IReadOnlyList<long> Ranks)> Holding<T>(IReadOnlyList<T> buckets, Func<T, long> count)
    {
        var ranks = Of(buckets.Sum(count));
        var holding = new List<(T, IReadOnlyList<long>)>();
        var before = 0L;
        foreach (var bucket in buckets)
        {
            var values = count(bucket);
            var held = ranks.Where(r => r >= before && r < before + values).Select(r => r - before).ToList();
            if (held.Count > 0)
            {
                holding.Add((bucket, held));
            }

            before += values;
        }

        return holding;
    }

    /// <summary>
    /// The bucket (given in value order) that holds <paramref name="rank"/> (from 0) of all the buckets' values, and the rank
    /// counted from its own first value.
    /// </summary>
    public static (T Bucket, long Rank) Locate<T>(IReadOnlyList<T> buckets, Func<T, long> count, long rank)
    {
        var before = 0L;
        foreach (var bucket in buckets)
        {
            var values = count(bucket);
            if (rank < before + values)
            {
                return (bucket, rank - before);
            }

            before += values;
        }

        throw new ArgumentOutOfRangeException(nameof(rank), rank, $"The buckets hold {before} values.");
    }
}
