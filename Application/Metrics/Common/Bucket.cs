namespace SalesCrm.Application.Metrics.Common;

/// <summary>How a windowed metric is cut into a time series: calendar days, ISO weeks (Monday first), months or quarters.</summary>
public enum Bucket
{
    Day,
    Week,
    Month,
    Quarter,
}

/// <summary>One point of a time series: its calendar dates (clipped to the window) and the UTC instants they span.</summary>
public sealed record BucketSpan(DateOnly From, DateOnly To, DateTimeOffset FromUtc, DateTimeOffset ToUtc);

public static class Buckets
{
    /// <summary>The most points a time series returns; a finer bucket over a longer window is refused.</summary>
    public const int MaxPoints = 400;

    /// <summary>Every bucket the window touches, empty ones included, the first and last clipped to the window.</summary>
    public static IReadOnlyList<BucketSpan> Split(MetricWindow window, Bucket bucket, TimeZoneInfo zone)
    {
        var spans = new List<BucketSpan>();
        for (var start = window.From; start < window.To;)
        {
            var next = NextStart(start, bucket);
            var end = next < window.To ? next : window.To;
            spans.Add(new BucketSpan(start, end, MetricWindow.StartOfDay(start, zone), MetricWindow.StartOfDay(end, zone)));
            start = end;
        }

        return spans;
    }

    public static int CountPoints(DateOnly from, DateOnly to, Bucket bucket)
    {
        var count = 0;
        for (var start = from; start < to; start = NextStart(start, bucket))
        {
            count++;
        }

        return count;
    }

    /// <summary>The first date of the bucket after the one holding <paramref name="date"/>.</summary>
    public static DateOnly NextStart(DateOnly date, Bucket bucket) => bucket switch
    {
        Bucket.Day => date.AddDays(1),
        Bucket.Week => date.AddDays(7 - (((int)date.DayOfWeek + 6) % 7)),
        Bucket.Month => new DateOnly(date.Year, date.Month, 1).AddMonths(1),
        Bucket.Quarter => new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1).AddMonths(3),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };
}
