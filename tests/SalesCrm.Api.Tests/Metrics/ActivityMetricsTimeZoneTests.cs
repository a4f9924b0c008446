using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Application.Metrics.Activity;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;

namespace SalesCrm.Api.Tests.Metrics;

/// <summary>Windows are calendar days in the organisation's zone: Europe/Warsaw (CET +01:00, CEST +02:00 from 2025-03-30 to 2025-10-26).</summary>
public sealed class ActivityMetricsTimeZoneTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await factory.SetTimeZoneAsync("Europe/Warsaw");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_spring_forward_day_has_23_hours_and_counts_exactly_its_calls()
    {
        // 2025-03-30 in Warsaw runs from 2025-03-29T23:00Z (00:00 CET) to 2025-03-30T22:00Z (00:00 CEST on the 31st).
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-03-29T22:59:59Z") }); // 23:59:59 on the 29th: out
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-03-29T23:00:00Z") }); // 00:00 on the 30th: in
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-03-30T21:59:00Z") }); // 23:59 CEST on the 30th: in
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-03-30T22:00:00Z") }); // 00:00 on the 31st: out

        var report = await client.ReportAsync<ActivityMetrics>($"/api/v1/metrics/activity?from=2025-03-29&to=2025-04-01&bucket=day&userId={rep.Id}");

        Assert.Equal([1L, 2L, 1L], report.Series!.Select(p => p.Values.Calls)); // the 29th, the 30th, the 31st
        Assert.Equal(4, report.Totals.Calls);
        Assert.Equal("Europe/Warsaw", report.Context.TimeZone);
    }

    [Fact]
    public async Task The_fall_back_day_has_25_hours()
    {
        // 2025-10-26 in Warsaw runs from 2025-10-25T22:00Z (00:00 CEST) to 2025-10-26T23:00Z (00:00 CET on the 27th).
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-10-25T22:00:00Z") }); // first instant of the 26th
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-10-26T22:30:00Z") }); // 23:30 CET, still the 26th
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-10-26T23:00:00Z") }); // 00:00 on the 27th

        var day = await client.ReportAsync<ActivityMetrics>($"/api/v1/metrics/activity?from=2025-10-26&to=2025-10-27&userId={rep.Id}");

        Assert.Equal(2, day.Totals.Calls);
    }
}

/// <summary>Changing the organisation's zone re-cuts every day: the day rollups are rebuilt with the calendar.</summary>
public sealed class ActivityMetricsZoneChangeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task After_a_time_zone_change_the_same_records_fall_on_their_new_local_days()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-04-01T23:30:00Z") }); // UTC: the 1st; Warsaw (CEST): 01:30 on the 2nd
        await client.LogAsync(ActivitiesApi.Meetings, new { durationSeconds = 600, outcome = "held", accountId = account, occurredAt = Utc("2025-04-01T22:30:00Z") });
        var path = $"/api/v1/metrics/activity?from=2025-04-02&to=2025-04-03&userId={rep.Id}";
        Assert.Equal((0L, 0L), Counts(await client.ReportAsync<ActivityMetrics>(path)));

        await factory.SetTimeZoneAsync("Europe/Warsaw");

        Assert.Equal((1L, 1L), Counts(await client.ReportAsync<ActivityMetrics>(path))); // both are on the 2nd in Warsaw

        await factory.SetTimeZoneAsync("UTC");

        Assert.Equal((0L, 0L), Counts(await client.ReportAsync<ActivityMetrics>(path)));
    }

    [Fact]
    public async Task After_a_time_zone_change_a_record_falls_in_its_new_local_month_of_the_mix()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-03-31T22:30:00Z") }); // UTC: 31 March; Warsaw (CEST): 00:30 on 1 April
        var path = $"/api/v1/metrics/activity/mix?from=2025-04-01&to=2025-05-01&userId={rep.Id}"; // a whole month: read from the month rollup
        Assert.Equal(0L, await CallsAsync());

        await factory.SetTimeZoneAsync("Europe/Warsaw");

        Assert.Equal(1L, await CallsAsync());

        await factory.SetTimeZoneAsync("UTC");

        Assert.Equal(0L, await CallsAsync());

        async Task<long> CallsAsync() => (await (await client.GetAsync(path)).ReadAsync<ActivityMixReport>()).Reps.Single().Calls;
    }

    private static (long Calls, long MeetingsHeld) Counts(Application.Metrics.Common.MetricReport<ActivityMetrics> report) =>
        (report.Totals.Calls, report.Totals.MeetingsHeld);
}
