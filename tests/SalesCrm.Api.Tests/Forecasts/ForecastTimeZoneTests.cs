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

/// <summary>Periods are calendar months in the organisation's zone (Europe/Warsaw here, UTC+1 in winter).</summary>
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
}
