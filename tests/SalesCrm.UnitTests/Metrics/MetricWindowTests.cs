using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.UnitTests.Metrics;

public sealed class MetricWindowTests
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    [Fact]
    public void A_window_is_local_midnight_to_local_midnight_in_utc()
    {
        // January in Warsaw is UTC+1: local midnight of 2026-01-05 is 2026-01-04T23:00Z.
        var window = MetricWindow.Create(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 6), Warsaw);

        Assert.Equal(DateTimeOffset.Parse("2026-01-04T23:00:00Z"), window.FromUtc);
        Assert.Equal(DateTimeOffset.Parse("2026-01-05T23:00:00Z"), window.ToUtc);
    }

    [Fact]
    public void The_spring_forward_day_is_23_hours_and_the_fall_back_day_25()
    {
        // 2026: Europe/Warsaw moves to summer time on 29 March and back on 25 October.
        var spring = MetricWindow.Create(new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 30), Warsaw);
        var autumn = MetricWindow.Create(new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 26), Warsaw);

        Assert.Equal(TimeSpan.FromHours(23), spring.ToUtc - spring.FromUtc);
        Assert.Equal(TimeSpan.FromHours(25), autumn.ToUtc - autumn.FromUtc);
    }

    [Fact]
    public void A_day_without_a_midnight_starts_at_its_first_valid_time()
    {
        // America/Santiago springs forward at local midnight (2026-09-06 00:00 does not exist; the day starts at 01:00 -03).
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

        var start = MetricWindow.StartOfDay(new DateOnly(2026, 9, 6), santiago);

        Assert.Equal(DateTimeOffset.Parse("2026-09-06T04:00:00Z"), start);
    }

    [Fact]
    public void Weeks_start_on_monday_and_edge_buckets_are_clipped()
    {
        // Thu 2026-01-01 .. Wed 2026-01-14: a partial ISO week (Thu–Sun), a full one, then Mon–Tue of the third.
        var window = MetricWindow.Create(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 14), Warsaw);

        var spans = Buckets.Split(window, Bucket.Week, Warsaw);

        Assert.Equal(
            [(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 5)), (new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 12)), (new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 14))],
            spans.Select(s => (s.From, s.To)));
    }

    [Fact]
    public void Quarters_and_months_are_calendar_buckets()
    {
        var window = MetricWindow.Create(new DateOnly(2026, 2, 15), new DateOnly(2026, 8, 1), Warsaw);

        Assert.Equal(
            [new DateOnly(2026, 2, 15), new DateOnly(2026, 4, 1), new DateOnly(2026, 7, 1)],
            Buckets.Split(window, Bucket.Quarter, Warsaw).Select(s => s.From));
        Assert.Equal(6, Buckets.Split(window, Bucket.Month, Warsaw).Count); // Feb (from the 15th), Mar, Apr, May, Jun, Jul
    }

    [Fact]
    public void A_bucket_spanning_the_dst_change_keeps_its_true_length()
    {
        var window = MetricWindow.Create(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), Warsaw);

        var march = Buckets.Split(window, Bucket.Month, Warsaw).Single();

        Assert.Equal(TimeSpan.FromHours((31 * 24) - 1), march.ToUtc - march.FromUtc);
    }

    [Fact]
    public void Points_are_counted_without_building_them()
    {
        Assert.Equal(365, Buckets.CountPoints(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1), Bucket.Day));
        Assert.Equal(4, Buckets.CountPoints(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1), Bucket.Quarter));
    }
}
