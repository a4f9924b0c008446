using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Metrics;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Api.Tests.Pipelines;
using SalesCrm.Application.Forecasts;
using SalesCrm.Application.Forecasts.GetForecastAccuracy;
using SalesCrm.Application.Forecasts.Snapshots;
using SalesCrm.Domain.Forecasts;
using static SalesCrm.Api.Tests.Forecasts.ForecastsApi;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;

namespace SalesCrm.Api.Tests.Forecasts;

/// <summary>Periods are calendar months in the organisation's zone, which each test sets first.</summary>
public sealed class ForecastTimeZoneTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_month_starts_at_local_midnight_for_snapshots_and_actuals()
    {
        await factory.SetTimeZoneAsync("Europe/Warsaw");
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var deal = await client.OpenDealAsync(account, 1000m, new DateOnly(2025, 3, 5), PipelinesApi.Trial, Utc("2025-02-01T00:00:00Z"));
        var snapshotter = factory.Services.GetRequiredService<ForecastSnapshotter>();

        // 2025-02-28 23:00 UTC is 1 March 00:00 in Warsaw: March has begun there.
        var run = await snapshotter.SnapshotDueAsync(
            Utc("2025-02-28T23:00:00Z"), null, [new SnapshotSubject(SnapshotSubjectKind.Rep, rep.Id)], CancellationToken.None);
        await client.MovedAsync(deal.Id, deal.Version, new { toStageId = PipelinesApi.Won, occurredAt = Utc("2025-02-28T23:30:00Z") }); // 1 March 00:30 local

        Assert.Equal(new DateOnly(2025, 3, 1), run.Periods[0].Start);
        var response = await client.GetAsync($"{ForecastPath}/accuracy?period=month&userId={rep.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var march = Assert.Single((await response.ReadAsync<ForecastAccuracyReport>()).Periods);
        Assert.Equal((new DateOnly(2025, 3, 1), new DealTotal(1, 1000m)), (march.Start, march.Actual)); // won in March, local time
        Assert.Equal((ForecastMethod.StageWeighted, 600m, (double?)0.6), (march.Methods[0].Method, march.Methods[0].Forecast, march.Methods[0].Accuracy));
    }

    [Fact]
    public async Task A_snapshot_is_late_from_the_periods_second_local_midnight_even_when_the_first_day_is_23_hours()
    {
        await factory.SetTimeZoneAsync("Australia/Sydney");
        var (onTime, onTimeClient) = await factory.PersonAsync("rep");
        var (late, lateClient) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var snapshotter = factory.Services.GetRequiredService<ForecastSnapshotter>();

        // October 2023 began on 1 October 00:00 AEST (UTC+10) = 30 September 14:00 UTC; at 02:00 that day the clocks went
        // forward to AEDT (UTC+11), so the day had 23 hours and 2 October began at 1 October 13:00 UTC, not 14:00.
        await snapshotter.SnapshotDueAsync(Utc("2023-10-01T12:59:59.999Z"), null, [new SnapshotSubject(SnapshotSubjectKind.Rep, onTime.Id)], CancellationToken.None);
        await snapshotter.SnapshotDueAsync(Utc("2023-10-01T13:30:00Z"), null, [new SnapshotSubject(SnapshotSubjectKind.Rep, late.Id)], CancellationToken.None);
        await onTimeClient.WonDealAsync(account, 1000m, Utc("2023-09-01T00:00:00Z"), Utc("2023-10-10T00:00:00Z"));
        await lateClient.WonDealAsync(account, 1000m, Utc("2023-09-01T00:00:00Z"), Utc("2023-10-10T00:00:00Z"));

        var onTimeOctober = Assert.Single((await AccuracyAsync(onTimeClient, onTime.Id)).Periods);
        var lateOctober = Assert.Single((await AccuracyAsync(lateClient, late.Id)).Periods);

        // 12:59:59.999 UTC is 1 October 23:59:59.999 local: still the first day. 13:30 UTC is 2 October 00:30 local: late,
        // though less than 24 hours after the period began.
        Assert.Equal(new DateOnly(2023, 10, 1), onTimeOctober.Start);
        Assert.All(onTimeOctober.Methods, m => Assert.False(m.Late));
        Assert.All(lateOctober.Methods, m => Assert.True(m.Late));
    }

    private static async Task<ForecastAccuracyReport> AccuracyAsync(HttpClient client, Guid repId)
    {
        var response = await client.GetAsync($"{ForecastPath}/accuracy?period=month&userId={repId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<ForecastAccuracyReport>();
    }
}
