using System.Net;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.SellingTime;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;

namespace SalesCrm.Api.Tests.Metrics;

public sealed class SellingTimeMetricsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Path = "/api/v1/metrics/selling-time";

    [Fact]
    public async Task Selling_share_of_a_small_month_counts_durations_and_shows_activities_without_one()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var ids = await MarchAsync(client);

        var m = (await client.ReportAsync<SellingTime>($"{Path}?from=2025-03-01&to=2025-04-01&userId={rep.Id}")).Totals;

        Assert.Equal(15, m.CallMinutes);          // 300 s (at the window's first instant) + 600 s = 900 s
        Assert.Equal(30, m.MeetingMinutes);       // the held meeting's 1,800 s; the cancelled one's hour counts nothing
        Assert.Equal(0, m.EmailMinutes);          // the email has no duration
        Assert.Equal(45, m.SellingMinutes);       // 900 + 1,800 = 2,700 s
        Assert.Equal(3, m.ActivitiesWithDuration);
        Assert.Equal(1, m.ActivitiesWithoutDuration); // the email; the note is not selling time
        Assert.Equal((30L, 60L, 0L, 0L), (m.AdminMinutes, m.TrainingMinutes, m.InternalMeetingMinutes, m.TravelMinutes)); // deleted travel left out
        Assert.Equal(90, m.NonSellingMinutes);
        Assert.Equal(2, m.TimeEntries);
        Assert.Equal(0.3333, m.SellingShare);     // 45 / (45 + 90) = 0.33333…

        var timed = await client.ExplainAllAsync($"{Path}/explain?figure=selling_activities&from=2025-03-01&to=2025-04-01&userId={rep.Id}");
        Assert.Equal([ids.EdgeCall, ids.Call, ids.Meeting], timed.Select(r => r.Id));
        Assert.Equal([5.0, 10.0, 30.0], timed.Select(r => r.Value)); // minutes
        var untimed = await client.ExplainAllAsync($"{Path}/explain?figure=activities_without_duration&from=2025-03-01&to=2025-04-01&userId={rep.Id}");
        Assert.Equal([ids.Email], untimed.Select(r => r.Id));
    }

    [Fact]
    public async Task A_monthly_series_has_an_empty_month_with_a_null_share()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        await MarchAsync(client);

        var report = await client.ReportAsync<SellingTime>($"{Path}?from=2025-02-01&to=2025-05-01&bucket=month&userId={rep.Id}");

        var points = report.Series!;
        Assert.Equal([0.0, 45.0, 2.0], points.Select(p => p.Values.SellingMinutes)); // April: the 120 s call at 04-01 00:00 (to is exclusive for March)
        Assert.Equal([null, 0.3333, 1.0], points.Select(p => p.Values.SellingShare));  // February: 0 / 0; April: 2 / (2 + 0)
        Assert.Equal(47, report.Totals.SellingMinutes);                                  // 45 + 2
    }

    [Fact]
    public async Task An_empty_window_has_zeros_and_a_null_share()
    {
        var (rep, client) = await factory.PersonAsync("rep");

        var m = (await client.ReportAsync<SellingTime>($"{Path}?from=2024-01-01&to=2024-02-01&userId={rep.Id}")).Totals;

        Assert.Equal((0.0, 0L, 0L, (double?)null), (m.SellingMinutes, m.NonSellingMinutes, m.ActivitiesWithoutDuration, m.SellingShare));
    }

    [Fact]
    public async Task A_team_adds_up_its_reps_and_lists_each_one()
    {
        var team = await factory.TeamAsync();
        var (seller, sellerClient) = await factory.PersonAsync("rep", team.Id);
        var (trainee, traineeClient) = await factory.PersonAsync("rep", team.Id);
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var account = await factory.AccountAsync();
        await sellerClient.LogCallAsync(account, new { durationSeconds = 1200, occurredAt = Utc("2025-06-02T09:00:00Z") });
        await traineeClient.PostJsonAsync("/api/v1/time-entries", new { kind = "training", durationMinutes = 60, occurredAt = "2025-06-03T09:00:00Z" });

        var m = (await manager.ReportAsync<SellingTime>($"{Path}?from=2025-06-01&to=2025-07-01&teamId={team.Id}")).Totals;
        var reps = await (await manager.GetAsync($"{Path}/reps?from=2025-06-01&to=2025-07-01&teamId={team.Id}")).ReadAsync<SellingTimeByRepReport>();

        Assert.Equal((20.0, 60L, (double?)0.25), (m.SellingMinutes, m.NonSellingMinutes, m.SellingShare)); // 20 / (20 + 60)
        var byRep = reps.Reps.ToDictionary(r => r.UserId, r => r.Values);
        Assert.Equal((20.0, 0L, (double?)1.0), (byRep[seller.Id].SellingMinutes, byRep[seller.Id].NonSellingMinutes, byRep[seller.Id].SellingShare));
        Assert.Equal((0.0, 60L, (double?)0.0), (byRep[trainee.Id].SellingMinutes, byRep[trainee.Id].NonSellingMinutes, byRep[trainee.Id].SellingShare));
        Assert.Equal(0, byRep.Values.Sum(v => v.ActivitiesWithoutDuration)); // reps with no activity count no gap
    }

    [Fact]
    public async Task A_rep_outside_the_callers_scope_is_404()
    {
        var (_, client) = await factory.PersonAsync("rep", (await factory.TeamAsync()).Id);
        var otherTeam = await factory.TeamAsync();
        var (other, _) = await factory.PersonAsync("rep", otherTeam.Id);

        await (await client.GetAsync($"{Path}?from=2025-01-01&to=2025-02-01&userId={other.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"{Path}?from=2025-01-01&to=2025-02-01&teamId={otherTeam.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"{Path}/explain?figure=selling_activities&from=2025-01-01&to=2025-02-01&userId={other.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_missing_window_or_unknown_figure_is_400_naming_it()
    {
        var (_, client) = await factory.PersonAsync("rep");

        Assert.Equal(["to"], (await (await client.GetAsync($"{Path}?from=2025-01-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["figure"], (await (await client.GetAsync($"{Path}/explain?figure=minutes&from=2025-01-01&to=2025-02-01"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    /// <summary>
    /// March 2025 (UTC): calls of 300 s at 03-01 00:00 and 600 s on 03-03, a held meeting of 1,800 s, a cancelled one of 3,600 s,
    /// an email and a note (no duration), admin 30 min and training 60 min, travel 45 min deleted; and a 120 s call at 04-01 00:00.
    /// </summary>
    private async Task<(Guid EdgeCall, Guid Call, Guid Meeting, Guid Email)> MarchAsync(HttpClient client)
    {
        var account = await factory.AccountAsync();
        var edge = await client.LogCallAsync(account, new { durationSeconds = 300, occurredAt = Utc("2025-03-01T00:00:00Z") });
        var call = await client.LogCallAsync(account, new { durationSeconds = 600, occurredAt = Utc("2025-03-03T09:00:00Z") });
        var meeting = await client.LogAsync(ActivitiesApi.Meetings, new { durationSeconds = 1800, outcome = "held", accountId = account, occurredAt = Utc("2025-03-04T10:00:00Z") });
        await client.LogAsync(ActivitiesApi.Meetings, new { durationSeconds = 3600, outcome = "cancelled", accountId = account, occurredAt = Utc("2025-03-05T10:00:00Z") });
        var email = await client.LogAsync(ActivitiesApi.Emails, new { direction = "outbound", subject = "Proposal", accountId = account, occurredAt = Utc("2025-03-06T10:00:00Z") });
        await client.LogAsync(ActivitiesApi.Notes, new { body = "Call notes", accountId = account, occurredAt = Utc("2025-03-06T11:00:00Z") });
        await client.LogCallAsync(account, new { durationSeconds = 120, occurredAt = Utc("2025-04-01T00:00:00Z") });
        await client.PostJsonAsync("/api/v1/time-entries", new { kind = "admin", durationMinutes = 30, occurredAt = "2025-03-03T12:00:00Z" });
        await client.PostJsonAsync("/api/v1/time-entries", new { kind = "training", durationMinutes = 60, occurredAt = "2025-03-10T09:00:00Z" });
        var travel = await client.PostJsonAsync("/api/v1/time-entries", new { kind = "travel", durationMinutes = 45, occurredAt = "2025-03-11T09:00:00Z" });
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(travel.Headers.Location)).StatusCode);
        return (edge.Id, call.Id, meeting.Id, email.Id);
    }
}
