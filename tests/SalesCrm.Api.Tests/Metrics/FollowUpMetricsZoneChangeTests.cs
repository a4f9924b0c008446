using System.Net;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Application.Metrics.FollowUps;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;
using static SalesCrm.Api.Tests.Pipelines.PipelinesApi;

namespace SalesCrm.Api.Tests.Metrics;

/// <summary>Changing the organisation's zone re-cuts every day: the closed-deal and late follow-up rollups are rebuilt with the calendar.</summary>
public sealed class FollowUpMetricsZoneChangeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task After_a_time_zone_change_a_close_and_a_late_follow_up_fall_on_their_new_local_days()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var deal = await client.CreateOpportunityAsync(account, new { occurredAt = Utc("2025-03-20T10:00:00Z") });
        var planned = await client.PlanAsync(new { channel = "call", dueAt = Utc("2025-03-31T23:30:00Z"), opportunityId = deal.Id, occurredAt = Utc("2025-03-20T10:00:00Z") });
        // Completed a day late at 23:30 UTC on the 1st (Warsaw, CEST: 01:30 on the 2nd); the deal won at 23:45 UTC, after it.
        var completed = await client.WithIfMatchAsync(HttpMethod.Post, $"{ActivitiesApi.FollowUpsPath}/{planned.Id}/complete", new { completedAt = Utc("2025-04-01T23:30:00Z") }, planned.Version);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var won = await client.MoveAsync(deal.Id, deal.Version, new { toStageId = Won, occurredAt = Utc("2025-04-01T23:45:00Z") });
        Assert.Equal(HttpStatusCode.Created, won.StatusCode);
        var path = $"/api/v1/metrics/follow-ups?from=2025-04-02&to=2025-04-03&userId={rep.Id}";
        Assert.Equal((0L, 0L), Counts(await client.ReportAsync<FollowUpDiscipline>(path)));

        await factory.SetTimeZoneAsync("Europe/Warsaw");

        var warsaw = (await client.ReportAsync<FollowUpDiscipline>(path)).Totals;
        Assert.Equal(new FollowUpsBeforeWin(1, 1, 1, 0, 0), warsaw.BeforeWin);                 // one won deal, one follow-up before its close
        Assert.Equal((1L, (double?)24, (double?)24), (warsaw.Timeliness.Late, warsaw.Timeliness.MedianLatenessHours, warsaw.Timeliness.AverageLatenessHours));

        await factory.SetTimeZoneAsync("UTC");

        Assert.Equal((0L, 0L), Counts(await client.ReportAsync<FollowUpDiscipline>(path)));
    }

    private static (long Won, long Late) Counts(Application.Metrics.Common.MetricReport<FollowUpDiscipline> report) =>
        (report.Totals.BeforeWin.DealsWon, report.Totals.Timeliness.Late);
}
