using System.Net;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Application.Activities;
using SalesCrm.Application.Metrics.Activity;
using SalesCrm.Application.Metrics.Common;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;

namespace SalesCrm.Api.Tests.Metrics;

/// <summary>
/// Section A of metrics.md. Every test records history for a fresh rep (history import puts it in the past) and reads
/// that rep's numbers, so tests sharing the database do not see each other's records. Organisation time zone: UTC.
/// </summary>
public sealed class ActivityMetricsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Path = "/api/v1/metrics/activity";

    [Fact]
    public async Task A_window_counts_calls_emails_meetings_opportunities_and_follow_ups_with_their_ratios()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        // Window [2025-03-01, 2025-03-08). Outbound: connected, no answer, connected; inbound: connected.
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-03-01T00:00:00Z") });                      // first instant: in
        await client.LogCallAsync(account, new { outcome = "no_answer", occurredAt = Utc("2025-03-03T10:00:00Z") });
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-03-07T23:59:59.999Z") });                  // last instant: in
        await client.LogCallAsync(account, new { direction = "inbound", occurredAt = Utc("2025-03-04T10:00:00Z") });
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-03-08T00:00:00Z") });                      // `to` is exclusive: out
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-02-28T23:59:59.999Z") });                  // before: out
        // Emails: two outbound (one replied), one inbound.
        var replied = await client.LogAsync(ActivitiesApi.Emails, new { direction = "outbound", subject = "Proposal", accountId = account, occurredAt = Utc("2025-03-02T09:00:00Z") });
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"{ActivitiesApi.Emails}/{replied.Id}/reply", new { repliedAt = Utc("2025-03-02T12:00:00Z") })).StatusCode);
        await client.LogAsync(ActivitiesApi.Emails, new { direction = "outbound", subject = "Follow-up", accountId = account, occurredAt = Utc("2025-03-05T09:00:00Z") });
        await client.LogAsync(ActivitiesApi.Emails, new { direction = "inbound", subject = "Question", accountId = account, occurredAt = Utc("2025-03-05T10:00:00Z") });
        // One meeting held in the window (recorded afterwards, so booked at its start too).
        await client.LogAsync(ActivitiesApi.Meetings, new { subject = "Demo", outcome = "held", durationSeconds = 1800, accountId = account, occurredAt = Utc("2025-03-06T14:00:00Z") });
        await client.LogAsync(ActivitiesApi.Notes, new { body = "Budget approved", accountId = account, occurredAt = Utc("2025-03-06T15:00:00Z") });
        // One opportunity created in the window.
        var deal = await client.CreateOpportunityAsync(account, new { occurredAt = Utc("2025-03-02T08:00:00Z") });
        // Follow-ups: one due and completed in the window, one due in the window and still open (overdue now), one cancelled.
        var done = await client.PlanAsync(new { channel = "call", dueAt = Utc("2025-03-04T09:00:00Z"), opportunityId = deal.Id, occurredAt = Utc("2025-03-02T08:00:00Z") });
        Assert.Equal(HttpStatusCode.OK, (await client.WithIfMatchAsync(HttpMethod.Post, $"{ActivitiesApi.FollowUpsPath}/{done.Id}/complete", new { completedAt = Utc("2025-03-04T08:00:00Z") }, done.Version)).StatusCode);
        await client.PlanAsync(new { channel = "email", dueAt = Utc("2025-03-05T09:00:00Z"), opportunityId = deal.Id, occurredAt = Utc("2025-03-02T08:00:00Z") });
        var cancelled = await client.PlanAsync(new { channel = "meeting", dueAt = Utc("2025-03-06T09:00:00Z"), opportunityId = deal.Id, occurredAt = Utc("2025-03-02T08:00:00Z") });
        Assert.Equal(HttpStatusCode.OK, (await client.WithIfMatchAsync(HttpMethod.Post, $"{ActivitiesApi.FollowUpsPath}/{cancelled.Id}/cancel", new { }, cancelled.Version)).StatusCode);

        var report = await client.ReportAsync<ActivityMetrics>($"{Path}?from=2025-03-01&to=2025-03-08&userId={rep.Id}");

        var m = report.Totals;
        Assert.Equal(4, m.Calls);                  // 3 outbound + 1 inbound inside the window
        Assert.Equal(3, m.OutboundCalls);
        Assert.Equal(1, m.InboundCalls);
        Assert.Equal(3, m.ConnectedCalls);         // the no-answer call is the only one not connected
        Assert.Equal(0.75, m.ConnectRate);         // 3 / 4
        Assert.Equal(2, m.EmailsSent);             // inbound emails are not "sent"
        Assert.Equal(1, m.EmailReplies);
        Assert.Equal(0.5, m.ReplyRate);            // 1 / 2
        Assert.Equal(1, m.MeetingsBooked);
        Assert.Equal(1, m.MeetingsHeld);
        Assert.Equal(0.3333, m.AppointmentRate);   // 1 booked / 3 outbound calls = 0.33333… → 0.3333
        Assert.Equal(1, m.OpportunitiesCreated);
        Assert.Equal(333.3333, m.OpportunitiesPer1000Calls); // 1 × 1000 / 3
        Assert.Equal(1, m.Notes);
        Assert.Equal(1, m.FollowUpsCompleted);
        Assert.Equal(2, m.FollowUpsDue);           // the cancelled one is not due
        Assert.Equal(1, m.FollowUpsOverdue);       // due 2025-03-05, still open
        Assert.Null(report.Series);
        Assert.Equal(rep.Id, report.Context.UserId);
    }

    [Fact]
    public async Task An_empty_window_has_zero_counts_and_null_ratios()
    {
        var (rep, client) = await factory.PersonAsync("rep");

        var m = (await client.ReportAsync<ActivityMetrics>($"{Path}?from=2024-01-01&to=2024-02-01&userId={rep.Id}")).Totals;

        Assert.Equal(0, m.Calls);
        Assert.Null(m.ConnectRate);
        Assert.Null(m.ReplyRate);
        Assert.Null(m.AppointmentRate);
        Assert.Null(m.OpportunitiesPer1000Calls);
    }

    [Fact]
    public async Task Thirty_two_opportunities_per_thousand_calls_is_the_industry_reference()
    {
        // metrics.md: opportunities per 1,000 calls, reference about 32. 125 outbound calls and 4 opportunities: 4 × 1000 / 125 = 32.
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var calls = Enumerable.Range(0, 125).Select(i => (object)new
        {
            type = "call", direction = "outbound", outcome = "no_answer", durationSeconds = 0, accountId = account,
            occurredAt = Utc("2025-05-05T08:00:00Z").AddMinutes(i),
        }).ToList();
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync(ActivitiesApi.Batch, new { items = calls })).StatusCode);
        for (var i = 0; i < 4; i++)
        {
            await client.CreateOpportunityAsync(account, new { occurredAt = Utc("2025-05-06T08:00:00Z").AddHours(i) });
        }

        var m = (await client.ReportAsync<ActivityMetrics>($"{Path}?from=2025-05-01&to=2025-06-01&userId={rep.Id}")).Totals;

        Assert.Equal(125, m.OutboundCalls);
        Assert.Equal(4, m.OpportunitiesCreated);
        Assert.Equal(32, m.OpportunitiesPer1000Calls);
        Assert.Equal(0, m.ConnectRate);            // 0 connected / 125 calls: a real zero, not null
    }

    [Fact]
    public async Task A_weekly_series_has_one_point_per_iso_week_including_empty_weeks()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        // Window Wed 2025-01-01 .. Sat 2025-01-18 (exclusive): weeks start Mon 06 and Mon 13, so the points are
        // [01-01, 01-06) [01-06, 01-13) [01-13, 01-18). Two calls in the first, none in the second, one in the third.
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-01-01T09:00:00Z") });
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-01-05T23:00:00Z") });
        await client.LogCallAsync(account, new { outcome = "busy", occurredAt = Utc("2025-01-17T09:00:00Z") });

        var report = await client.ReportAsync<ActivityMetrics>($"{Path}?from=2025-01-01&to=2025-01-18&bucket=week&userId={rep.Id}");

        Assert.Equal(3, report.Totals.Calls);
        var points = report.Series!;
        Assert.Equal([new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 6), new DateOnly(2025, 1, 13)], points.Select(p => p.From));
        Assert.Equal(new DateOnly(2025, 1, 18), points[^1].To);
        Assert.Equal([2L, 0L, 1L], points.Select(p => p.Values.Calls));
        Assert.Equal([1.0, (double?)null, 0.0], points.Select(p => p.Values.ConnectRate));
    }

    [Fact]
    public async Task Soft_deleted_activities_are_not_counted_and_count_again_when_restored()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-06-02T09:00:00Z") });
        var deleted = await client.LogCallAsync(account, new { occurredAt = Utc("2025-06-03T09:00:00Z") });
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/activities/{deleted.Id}")).StatusCode);
        var path = $"{Path}?from=2025-06-01&to=2025-07-01&userId={rep.Id}";

        Assert.Equal(1, (await client.ReportAsync<ActivityMetrics>(path)).Totals.Calls);

        using var admin = await factory.AdminClientAsync(); // restoring is an admin's or manager's act
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/activities/{deleted.Id}/restore", null)).StatusCode);
        Assert.Equal(2, (await client.ReportAsync<ActivityMetrics>(path)).Totals.Calls);
    }

    [Fact]
    public async Task Team_numbers_follow_the_reps_current_team()
    {
        // Chosen rule (docs/metrics.md): a rep who changes teams takes their history to the new team.
        var first = await factory.TeamAsync();
        var second = await factory.TeamAsync();
        var (rep, client) = await factory.PersonAsync("rep", first.Id);
        var account = await factory.AccountAsync();
        await client.LogCallAsync(account, new { occurredAt = Utc("2025-07-01T09:00:00Z") });
        using var admin = await factory.AdminClientAsync();
        var path = "/api/v1/metrics/activity?from=2025-07-01&to=2025-08-01&teamId=";
        Assert.Equal(1, (await admin.ReportAsync<ActivityMetrics>(path + first.Id)).Totals.Calls);

        var user = await (await admin.GetAsync($"/api/v1/users/{rep.Id}")).ReadAsync<Application.People.UserDto>();
        Assert.Equal(HttpStatusCode.OK, (await admin.WithIfMatchAsync(HttpMethod.Put, $"/api/v1/users/{rep.Id}",
            new { displayName = user.DisplayName, role = "rep", teamId = second.Id }, user.Version)).StatusCode);

        Assert.Equal(0, (await admin.ReportAsync<ActivityMetrics>(path + first.Id)).Totals.Calls);
        Assert.Equal(1, (await admin.ReportAsync<ActivityMetrics>(path + second.Id)).Totals.Calls);
    }

    [Fact]
    public async Task Explain_lists_exactly_the_records_behind_a_figure_page_by_page()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var connected = new List<Guid>();
        for (var day = 1; day <= 3; day++)
        {
            connected.Add((await client.LogCallAsync(account, new { occurredAt = Utc($"2025-08-0{day}T09:00:00Z") })).Id);
        }

        await client.LogCallAsync(account, new { outcome = "voicemail", occurredAt = Utc("2025-08-02T10:00:00Z") });

        var records = await client.ExplainAllAsync($"{Path}/explain?figure=connected_calls&from=2025-08-01&to=2025-09-01&userId={rep.Id}");

        Assert.Equal(connected, records.Select(r => r.Id));
        Assert.All(records, r => Assert.Equal(MetricRecordKind.Activity, r.Kind));
        Assert.All(records, r => Assert.Equal(rep.Id, r.OwnerId));
    }

    [Fact]
    public async Task The_activity_mix_lists_each_rep_of_a_team_with_their_counts()
    {
        var team = await factory.TeamAsync();
        var (busy, busyClient) = await factory.PersonAsync("rep", team.Id);
        var (idle, _) = await factory.PersonAsync("rep", team.Id);
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var account = await factory.AccountAsync();
        await busyClient.LogCallAsync(account, new { occurredAt = Utc("2025-09-01T09:00:00Z") });
        await busyClient.LogAsync(ActivitiesApi.Notes, new { body = "n", accountId = account, occurredAt = Utc("2025-09-02T09:00:00Z") });

        var mix = await (await manager.GetAsync($"{Path}/mix?from=2025-09-01&to=2025-10-01")).ReadAsync<ActivityMixReport>();

        var first = mix.Reps[0];
        Assert.Equal((busy.Id, 1L, 0L, 1L, 2L), (first.UserId, first.Calls, first.Meetings, first.Notes, first.Total));
        Assert.Contains(mix.Reps, r => r.UserId == idle.Id && r.Total == 0);
        Assert.Equal(team.Id, mix.Context.TeamId); // a manager without a filter gets their team
    }

    [Fact]
    public async Task The_activity_mix_of_a_team_without_members_is_an_empty_list()
    {
        var team = await factory.TeamAsync();
        using var admin = await factory.AdminClientAsync();

        // No rows at all: SQLite then reports the computed columns as BLOB, which once made the row mapping fail (a 500).
        var mix = await (await admin.GetAsync($"{Path}/mix?from=2025-09-01&to=2025-10-01&teamId={team.Id}")).ReadAsync<ActivityMixReport>();

        Assert.Empty(mix.Reps);
        Assert.Equal(team.Id, mix.Context.TeamId);
    }

    [Fact]
    public async Task Reps_read_themselves_and_their_team_but_another_rep_or_team_is_not_found()
    {
        var team = await factory.TeamAsync();
        var other = await factory.TeamAsync();
        var (_, rep) = await factory.PersonAsync("rep", team.Id);
        var (teammate, _) = await factory.PersonAsync("rep", team.Id);
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var (stranger, _) = await factory.PersonAsync("rep", other.Id);
        const string window = "from=2025-01-01&to=2025-02-01";

        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync($"{Path}?{window}&teamId={team.Id}")).StatusCode);
        await (await rep.GetAsync($"{Path}?{window}&userId={teammate.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rep.GetAsync($"{Path}?{window}&teamId={other.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"{Path}?{window}&userId={teammate.Id}")).StatusCode);
        await (await manager.GetAsync($"{Path}?{window}&userId={stranger.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"{Path}/explain?figure=calls&{window}&userId={stranger.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"{Path}?{window}&teamId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("to=2025-02-01", "from")]
    [InlineData("from=2025-02-01&to=2025-01-01", "to")]
    [InlineData("from=2020-01-01&to=2025-01-03", "to")]
    [InlineData("from=2025-01-01&to=2025-02-01&bucket=fortnight", "bucket")]
    [InlineData("from=2020-01-01&to=2025-01-01&bucket=day", "bucket")]
    public async Task Bad_windows_and_buckets_are_400_naming_the_parameter(string query, string field)
    {
        using var admin = await factory.AdminClientAsync();

        var problem = await (await admin.GetAsync($"{Path}?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.ErrorFields());
    }

    [Fact]
    public async Task Explain_needs_a_known_figure()
    {
        using var admin = await factory.AdminClientAsync();

        var problem = await (await admin.GetAsync($"{Path}/explain?figure=smiles&from=2025-01-01&to=2025-02-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("figure", problem.ErrorFields());
    }
}
