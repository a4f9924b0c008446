using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Api.Tests.Pipelines;
using SalesCrm.Application.Forecasts;
using SalesCrm.Application.Forecasts.GetForecastAccuracy;
using SalesCrm.Application.Forecasts.Snapshots;
using SalesCrm.Domain.Forecasts;
using static SalesCrm.Api.Tests.Forecasts.ForecastsApi;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;

namespace SalesCrm.Api.Tests.Forecasts;

/// <summary>
/// Snapshots and accuracy. A past period's snapshot is taken by running the snapshotter (what the background service
/// runs) with an explicit instant, the period's first moment, while the deals stand as they did then; the deal is then won
/// through history import, so the accuracy compares the saved forecast with what was actually won. Organisation zone UTC.
/// </summary>
public sealed class ForecastSnapshotTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_snapshot_taken_at_the_period_start_is_compared_with_the_revenue_won_once_the_period_ended()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var deal = await client.OpenDealAsync(account, 1000m, new DateOnly(2025, 3, 20), PipelinesApi.Trial, Utc("2025-02-01T00:00:00Z"));
        var subject = new SnapshotSubject(SnapshotSubjectKind.Rep, rep.Id);
        var snapshotter = factory.Services.GetRequiredService<ForecastSnapshotter>();

        var run = await snapshotter.SnapshotDueAsync(Utc("2025-03-01T00:00:00Z"), null, [subject], CancellationToken.None);
        var again = await snapshotter.SnapshotDueAsync(Utc("2025-03-15T00:00:00Z"), null, [subject], CancellationToken.None);

        Assert.Equal(6, run.Saved);    // March 2025 and Q1 2025, three methods each
        Assert.Equal([(ForecastPeriod.Month, new DateOnly(2025, 3, 1)), (ForecastPeriod.Quarter, new DateOnly(2025, 1, 1))],
            run.Periods.Select(p => (p.Period, p.Start)));
        Assert.Equal(0, again.Saved);  // idempotent: the snapshots exist

        await client.MovedAsync(deal.Id, deal.Version, new { toStageId = PipelinesApi.Won, occurredAt = Utc("2025-03-10T00:00:00Z") });
        await client.WonDealAsync(account, 5000m, Utc("2025-04-01T00:00:00Z"), Utc("2025-04-02T00:00:00Z")); // April: no snapshot, not listed

        var months = await AccuracyAsync(client, $"period=month&userId={rep.Id}");

        var march = Assert.Single(months.Periods);
        Assert.Equal((new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 1), new DealTotal(1, 1000m)), (march.Start, march.End, march.Actual));
        Assert.Equal(
            [
                (ForecastMethod.StageWeighted, 600m, (double?)0.6), // 0 won by 03-01 + 1000 × 60%; 1 − |600 − 1000| / 1000
                (ForecastMethod.CycleAge, 0m, 0.0),                 // no deal won in the 12 months before: 1 − 1000 / 1000
                (ForecastMethod.Historical, 0m, 0.0),               // nothing won December–February
            ],
            march.Methods.Select(m => (m.Method, m.Forecast, m.Accuracy)));
        Assert.All(march.Methods, m => Assert.Equal((Utc("2025-03-01T00:00:00Z"), false), (m.TakenAt, m.Late)));

        var quarter = Assert.Single((await AccuracyAsync(client, $"period=quarter&userId={rep.Id}")).Periods);
        Assert.Equal((new DateOnly(2025, 1, 1), 1000m, 600m, (double?)0.6), (quarter.Start, quarter.Actual.Amount, quarter.Methods[0].Forecast, quarter.Methods[0].Accuracy));
    }

    [Fact]
    public async Task A_snapshot_taken_after_the_periods_first_day_is_marked_late()
    {
        var (onTime, onTimeClient) = await factory.PersonAsync("rep");
        var (late, lateClient) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var snapshotter = factory.Services.GetRequiredService<ForecastSnapshotter>();

        // The last moment of 1 September (UTC) is still the period's first day; the first moment of 2 September is not.
        await snapshotter.SnapshotDueAsync(Utc("2025-09-01T23:59:59.999Z"), null, [new SnapshotSubject(SnapshotSubjectKind.Rep, onTime.Id)], CancellationToken.None);
        await snapshotter.SnapshotDueAsync(Utc("2025-09-02T00:00:00Z"), null, [new SnapshotSubject(SnapshotSubjectKind.Rep, late.Id)], CancellationToken.None);
        await onTimeClient.WonDealAsync(account, 1000m, Utc("2025-08-01T00:00:00Z"), Utc("2025-09-10T00:00:00Z"));
        await lateClient.WonDealAsync(account, 1000m, Utc("2025-08-01T00:00:00Z"), Utc("2025-09-10T00:00:00Z"));

        var onTimeSeptember = Assert.Single((await AccuracyAsync(onTimeClient, $"period=month&userId={onTime.Id}")).Periods);
        var lateSeptember = Assert.Single((await AccuracyAsync(lateClient, $"period=month&userId={late.Id}")).Periods);

        Assert.All(onTimeSeptember.Methods, m => Assert.False(m.Late));
        Assert.All(lateSeptember.Methods, m => Assert.True(m.Late));
        Assert.Equal(3, lateSeptember.Methods.Count(m => m.Accuracy is not null)); // still compared: 1,000 was won in September
    }

    [Fact]
    public async Task Accuracy_is_null_when_nothing_was_won_in_the_period()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        await client.OpenDealAsync(account, 1000m, new DateOnly(2024, 6, 10), PipelinesApi.Trial, Utc("2024-05-01T00:00:00Z"));
        var snapshotter = factory.Services.GetRequiredService<ForecastSnapshotter>();
        await snapshotter.SnapshotDueAsync(Utc("2024-06-01T00:00:00Z"), null, [new SnapshotSubject(SnapshotSubjectKind.Rep, rep.Id)], CancellationToken.None);

        var june = Assert.Single((await AccuracyAsync(client, $"period=month&userId={rep.Id}")).Periods);

        Assert.Equal((new DealTotal(0, 0m), 600m), (june.Actual, june.Methods[0].Forecast));
        Assert.All(june.Methods, m => Assert.Null(m.Accuracy));
        Assert.Null(GetForecastAccuracyQueryHandler.Accuracy(600m, 0m));
        Assert.Equal(-0.5, GetForecastAccuracyQueryHandler.Accuracy(2500m, 1000m)); // 1 − |2500 − 1000| / 1000: a miss larger than the actual
    }

    [Fact]
    public async Task Snapshots_on_demand_save_the_current_month_and_quarter_once_for_managers_and_admins()
    {
        var (teamA, teamB) = (await factory.TeamAsync(), await factory.TeamAsync());
        var (rep, repClient) = await factory.PersonAsync("rep", teamA.Id);
        var (other, _) = await factory.PersonAsync("rep", teamB.Id);
        var (_, manager) = await factory.PersonAsync("manager", teamA.Id);

        var first = await manager.PostAsync($"{ForecastPath}/snapshots?userId={rep.Id}", null);
        var second = await manager.PostAsync($"{ForecastPath}/snapshots?userId={rep.Id}", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(6, (await first.ReadAsync<SnapshotRun>()).Saved);   // this month and this quarter, three methods each
        Assert.Equal(0, (await second.ReadAsync<SnapshotRun>()).Saved);
        Assert.Equal(6, await factory.ScalarSqlAsync("SELECT COUNT(*) FROM forecast_snapshots WHERE subject_id = $id", ("$id", rep.Id.ToString())));
        var team = await (await manager.PostAsync($"{ForecastPath}/snapshots", null)).ReadAsync<SnapshotRun>();
        Assert.Equal((2, 6), (team.Subjects, team.Saved));                // the team, and its one rep already saved
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"{ForecastPath}/snapshots?userId={other.Id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await repClient.PostAsync($"{ForecastPath}/snapshots", null)).StatusCode);
        Assert.Empty((await AccuracyAsync(manager, $"period=month&userId={rep.Id}")).Periods); // the current period has not ended
    }

    private static async Task<ForecastAccuracyReport> AccuracyAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"{ForecastPath}/accuracy?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<ForecastAccuracyReport>();
    }
}
