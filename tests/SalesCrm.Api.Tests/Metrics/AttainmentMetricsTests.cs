using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Application.Metrics.Attainment;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Opportunities;
using SalesCrm.Application.Quotas;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;
using static SalesCrm.Api.Tests.Pipelines.PipelinesApi;

namespace SalesCrm.Api.Tests.Metrics;

/// <summary>
/// Section D of metrics.md: quota attainment, the three-number funnel and the leaderboard. Every test records history for
/// fresh reps or a fresh team (history import puts it in the past) and reads only their numbers. Organisation time zone: UTC.
/// </summary>
public sealed class AttainmentMetricsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Attainment = "/api/v1/metrics/quota-attainment";
    private const string Funnel = "/api/v1/metrics/funnel";
    private const string Leaderboard = "/api/v1/metrics/leaderboard";

    [Fact]
    public async Task Quotas_are_measured_over_their_own_period_and_the_share_at_or_above_target_is_counted()
    {
        var team = await factory.TeamAsync();
        var (rep, client) = await factory.PersonAsync("rep", team.Id);
        var (teammate, teammateClient) = await factory.PersonAsync("rep", team.Id);
        var account = await factory.AccountAsync();
        using var admin = await factory.AdminClientAsync();
        var q1Deals = await QuotaAsync(admin, rep.Id, "quarter", "2025-01-01", "deals", 3);
        var marchRevenue = await QuotaAsync(admin, rep.Id, "month", "2025-03-01", "revenue", 10_000);
        var teammateMarch = await QuotaAsync(admin, teammate.Id, "month", "2025-03-01", "revenue", 1_000);
        await QuotaAsync(admin, rep.Id, "month", "2025-04-01", "revenue", 1_000);                            // starts at `to`: not listed
        var deletedQuota = await QuotaAsync(admin, rep.Id, "month", "2025-02-01", "deals", 1);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/quotas/{deletedQuota.Id}")).StatusCode);
        // The rep wins 500 in February and 6,000 + 1,000 in March; a lost deal and a deleted won deal in March do not count.
        await WonAsync(client, account, 500, Utc("2025-02-14T10:00:00Z"));
        var six = await WonAsync(client, account, 6_000, Utc("2025-03-10T10:00:00Z"));
        var one = await WonAsync(client, account, 1_000, Utc("2025-03-20T10:00:00Z"));
        await LostAsync(client, account, 4_000, Utc("2025-03-21T10:00:00Z"));
        var deleted = await WonAsync(client, account, 9_000, Utc("2025-03-15T10:00:00Z"));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/opportunities/{deleted.Id}")).StatusCode);
        await WonAsync(teammateClient, account, 1_000, Utc("2025-03-31T23:59:59.999Z"));                   // the last instant of March: in

        var report = await ReadAsync<QuotaAttainmentReport>(admin, $"{Attainment}?from=2025-01-01&to=2025-04-01&teamId={team.Id}");

        var quarter = report.Quotas.Single(q => q.QuotaId == q1Deals.Id);
        Assert.Equal((3m, 3L, 7_500m, 1.0, true), (quarter.Achieved, quarter.DealsWon, quarter.RevenueWon, quarter.Attainment, quarter.Attained)); // 3 won deals / 3
        var march = report.Quotas.Single(q => q.QuotaId == marchRevenue.Id);
        Assert.Equal((7_000m, 2L, 0.7, false), (march.Achieved, march.DealsWon, march.Attainment, march.Attained)); // (6,000 + 1,000) / 10,000
        Assert.Equal((false, Utc("2025-04-01T00:00:00Z")), (march.InProgress, march.MeasuredTo));
        var mate = report.Quotas.Single(q => q.QuotaId == teammateMarch.Id);
        Assert.Equal((1_000m, 1.0, true), (mate.Achieved, mate.Attainment, mate.Attained));
        Assert.Equal(3, report.Quotas.Count);                                  // April starts at `to`, February's was deleted
        Assert.Equal(q1Deals.Id, report.Quotas[0].QuotaId);                    // by period start
        var s = report.Summary;
        Assert.Equal((3L, 2L, 0.6667), (s.Quotas, s.QuotasAtOrAbove, s.ShareAtOrAbove));              // 2 of 3 quotas
        Assert.Equal((2L, 1L, 0.5), (s.RepsWithQuota, s.RepsAtOrAbove, s.RepShareAtOrAbove));        // the rep missed March: 1 of 2 reps

        var months = await ReadAsync<QuotaAttainmentReport>(admin, $"{Attainment}?from=2025-01-01&to=2025-04-01&teamId={team.Id}&period=month");
        Assert.Equal(new[] { march.UserId, mate.UserId }.Order(), months.Quotas.Select(q => q.UserId).Order());       // the quarter is left out
        Assert.All(months.Quotas, q => Assert.Equal(Domain.Quotas.QuotaPeriod.Month, q.Period));

        var explained = await admin.ExplainAllAsync($"{Attainment}/explain?quotaId={marchRevenue.Id}");
        Assert.Equal([six.Id, one.Id], explained.Select(r => r.Id));          // oldest first, by close time
        Assert.Equal([6_000m, 1_000m], explained.Select(r => r.Amount!.Value));
        Assert.All(explained, r => Assert.Equal(MetricRecordKind.Opportunity, r.Kind));
    }

    [Fact]
    public async Task A_quota_of_the_running_period_is_measured_to_date_and_a_future_one_has_nothing_yet()
    {
        // "My day": the current month's quota shows what is won so far.
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        using var admin = await factory.AdminClientAsync();
        var before = DateTimeOffset.UtcNow;
        var thisMonth = new DateOnly(before.Year, before.Month, 1);
        var current = await QuotaAsync(admin, rep.Id, "month", thisMonth.ToString("yyyy-MM-dd"), "deals", 2);
        var next = await QuotaAsync(admin, rep.Id, "month", thisMonth.AddMonths(1).ToString("yyyy-MM-dd"), "deals", 2);
        await WonAsync(client, account, 1_000, null);                                                        // won now

        var report = await ReadAsync<QuotaAttainmentReport>(client,
            $"{Attainment}?from={thisMonth:yyyy-MM-dd}&to={thisMonth.AddMonths(2):yyyy-MM-dd}");

        var now = report.Quotas.Single(q => q.QuotaId == current.Id);
        Assert.Equal((1m, 0.5, false, true), (now.Achieved, now.Attainment, now.Attained, now.InProgress)); // 1 won so far / 2
        Assert.InRange(now.MeasuredTo, before.AddSeconds(-1), DateTimeOffset.UtcNow);
        var future = report.Quotas.Single(q => q.QuotaId == next.Id);
        Assert.Equal((0m, 0.0, false), (future.Achieved, future.Attainment, future.InProgress));
        Assert.Equal(new DateTimeOffset(thisMonth.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), future.MeasuredTo);
    }

    [Fact]
    public async Task The_funnel_turns_forty_calls_into_six_meetings_into_two_deals()
    {
        // metrics.md: a 15% appointment rate is about one meeting per seven calls. 40 outbound calls → 6 meetings → 2 deals won.
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var items = Enumerable.Range(0, 40).Select(i => (object)new
        {
            type = "call", direction = "outbound", outcome = "no_answer", durationSeconds = 0, accountId = account,
            occurredAt = Utc("2025-05-05T08:00:00Z").AddMinutes(i),
        }).Concat(Enumerable.Range(0, 3).Select(i => (object)new
        {
            type = "call", direction = "inbound", outcome = "connected", durationSeconds = 60, accountId = account,
            occurredAt = Utc("2025-05-06T08:00:00Z").AddMinutes(i),
        })).Concat(Enumerable.Range(0, 6).Select(i => (object)new
        {
            type = "meeting", subject = "Demo", durationSeconds = 1800, accountId = account, occurredAt = Utc("2025-05-12T09:00:00Z").AddDays(i),
        })).ToList();
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync(ActivitiesApi.Batch, new { items })).StatusCode);
        var first = await WonAsync(client, account, 2_000, Utc("2025-05-20T10:00:00Z"));
        var second = await WonAsync(client, account, 3_000, Utc("2025-05-31T23:59:59.999Z"));
        await LostAsync(client, account, 1_000, Utc("2025-05-21T10:00:00Z"));
        var window = $"from=2025-05-01&to=2025-07-01&userId={rep.Id}";

        var report = await client.ReportAsync<ThreeNumberFunnel>($"{Funnel}?{window}&bucket=month");

        var f = report.Totals;
        Assert.Equal((40L, 6L, 2L), (f.OutboundCalls, f.MeetingsBooked, f.DealsWon));  // inbound calls and the lost deal are not counted
        Assert.Equal(0.15, f.CallToMeetingRate);                                       // 6 / 40
        Assert.Equal(0.3333, f.MeetingToDealRate);                                     // 2 / 6 = 0.33333… → 0.3333
        Assert.Equal(0.05, f.CallToDealRate);                                          // 2 / 40
        var june = report.Series![1];                                                  // an empty bucket: zeros and null rates
        Assert.Equal((new DateOnly(2025, 6, 1), 0L, 0L, 0L), (june.From, june.Values.OutboundCalls, june.Values.MeetingsBooked, june.Values.DealsWon));
        Assert.Equal(((double?)null, (double?)null, (double?)null), (june.Values.CallToMeetingRate, june.Values.MeetingToDealRate, june.Values.CallToDealRate));
        Assert.Equal(2L, report.Series[0].Values.DealsWon);

        Assert.Equal([first.Id, second.Id], (await client.ExplainAllAsync($"{Funnel}/explain?figure=deals_won&{window}")).Select(r => r.Id));
        Assert.Equal(40, (await client.ExplainAllAsync($"{Funnel}/explain?figure=outbound_calls&{window}", 25)).Count);
        var meetings = await client.ExplainAllAsync($"{Funnel}/explain?figure=meetings_booked&{window}", 4);
        Assert.Equal(6, meetings.Count);
        Assert.Equal(Utc("2025-05-12T09:00:00Z"), meetings[0].At);                    // recorded afterwards: booked at its start
    }

    [Fact]
    public async Task The_leaderboard_ranks_reps_with_shared_ranks_ordered_by_name()
    {
        var team = await factory.TeamAsync();
        using var admin = await factory.AdminClientAsync();
        var account = await factory.AccountAsync();
        var (zed, zedClient) = await RepAsync(admin, team.Id, "Zed");
        var (amy, amyClient) = await RepAsync(admin, team.Id, "Amy");
        var (cal, calClient) = await RepAsync(admin, team.Id, "Cal");
        var (dan, _) = await RepAsync(admin, team.Id, "Dan");
        // Zed: 5,000 in one deal, quota 10,000 → 0.5. Amy: 2,000 + 3,000 in two deals, no quota → null.
        // Cal: 1,000 in one deal, quota 1,000 → 1.0, three calls. Dan: nothing, quota 5,000 → 0.
        await WonAsync(zedClient, account, 5_000, Utc("2025-09-10T10:00:00Z"));
        await WonAsync(zedClient, account, 7_000, Utc("2025-10-01T00:00:00Z"));                              // `to` is exclusive: out
        await WonAsync(amyClient, account, 2_000, Utc("2025-09-11T10:00:00Z"));
        await WonAsync(amyClient, account, 3_000, Utc("2025-09-12T10:00:00Z"));
        await WonAsync(calClient, account, 1_000, Utc("2025-09-01T00:00:00Z"));                               // first instant: in
        for (var i = 0; i < 3; i++)
        {
            await calClient.LogCallAsync(account, new { occurredAt = Utc("2025-09-15T09:00:00Z").AddHours(i) });
        }

        await QuotaAsync(admin, zed.Id, "month", "2025-09-01", "revenue", 10_000);
        await QuotaAsync(admin, cal.Id, "month", "2025-09-01", "revenue", 1_000);
        await QuotaAsync(admin, dan.Id, "month", "2025-09-01", "revenue", 5_000);
        await QuotaAsync(admin, amy.Id, "month", "2025-09-01", "deals", 1);                                   // a deal quota: not in attainment
        var path = $"{Leaderboard}?from=2025-09-01&to=2025-10-01&teamId={team.Id}";

        var revenue = await ReadAsync<LeaderboardReport>(admin, path);
        Assert.Equal([("Amy", 1), ("Zed", 1), ("Cal", 3), ("Dan", 4)], revenue.Reps.Select(r => (r.DisplayName, r.Rank)));
        Assert.Equal([5_000m, 5_000m, 1_000m, 0m], revenue.Reps.Select(r => r.RevenueWon));
        Assert.Equal([null, 0.5, 1.0, 0.0], revenue.Reps.Select(r => r.Attainment));
        Assert.All(revenue.Reps, r => Assert.Equal(team.Id, r.TeamId));

        var deals = await ReadAsync<LeaderboardReport>(admin, $"{path}&rankBy=deals_won");
        Assert.Equal([("Amy", 1, 2L), ("Cal", 2, 1L), ("Zed", 2, 1L), ("Dan", 4, 0L)], deals.Reps.Select(r => (r.DisplayName, r.Rank, r.DealsWon)));

        var attainment = await ReadAsync<LeaderboardReport>(admin, $"{path}&rankBy=attainment");
        Assert.Equal([("Cal", 1), ("Zed", 2), ("Dan", 3), ("Amy", 4)], attainment.Reps.Select(r => (r.DisplayName, r.Rank))); // null last

        var activities = await ReadAsync<LeaderboardReport>(admin, $"{path}&rankBy=activities&limit=3");
        Assert.Equal([("Cal", 1, 3L), ("Amy", 2, 0L), ("Dan", 2, 0L)], activities.Reps.Select(r => (r.DisplayName, r.Rank, r.Activities)));
        Assert.Equal(LeaderboardRanking.Activities, activities.RankBy);
    }

    [Fact]
    public async Task An_empty_window_has_zeros_and_null_ratios()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        const string window = "from=2024-01-01&to=2024-02-01";

        var funnel = (await client.ReportAsync<ThreeNumberFunnel>($"{Funnel}?{window}")).Totals;
        var attainment = await ReadAsync<QuotaAttainmentReport>(client, $"{Attainment}?{window}");
        var board = await ReadAsync<LeaderboardReport>(client, $"{Leaderboard}?{window}");

        Assert.Equal((0L, 0L, 0L), (funnel.OutboundCalls, funnel.MeetingsBooked, funnel.DealsWon));
        Assert.Equal(((double?)null, (double?)null, (double?)null), (funnel.CallToMeetingRate, funnel.MeetingToDealRate, funnel.CallToDealRate));
        Assert.Empty(attainment.Quotas);
        Assert.Equal((0L, (double?)null, 0L, (double?)null), (attainment.Summary.Quotas, attainment.Summary.ShareAtOrAbove, attainment.Summary.RepsWithQuota, attainment.Summary.RepShareAtOrAbove));
        var me = Assert.Single(board.Reps);                                    // a rep without a filter reads themself
        Assert.Equal((1, rep.Id, 0m, 0L, 0L, (double?)null), (me.Rank, me.UserId, me.RevenueWon, me.DealsWon, me.Activities, me.Attainment));
    }

    [Fact]
    public async Task Another_teams_rep_team_or_quota_is_not_found()
    {
        var team = await factory.TeamAsync();
        var other = await factory.TeamAsync();
        var (rep, repClient) = await factory.PersonAsync("rep", team.Id);
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var (stranger, _) = await factory.PersonAsync("rep", other.Id);
        using var admin = await factory.AdminClientAsync();
        var own = await QuotaAsync(admin, rep.Id, "month", "2025-01-01", "deals", 1);
        var foreign = await QuotaAsync(admin, stranger.Id, "month", "2025-01-01", "deals", 1);
        const string window = "from=2025-01-01&to=2025-02-01";

        await (await repClient.GetAsync($"{Attainment}?{window}&userId={stranger.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await repClient.GetAsync($"{Attainment}/explain?quotaId={foreign.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"{Attainment}/explain?quotaId={foreign.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"{Attainment}/explain?quotaId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"{Leaderboard}?{window}&teamId={other.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"{Funnel}?{window}&userId={stranger.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"{Funnel}/explain?figure=deals_won&{window}&userId={stranger.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await repClient.GetAsync($"{Attainment}/explain?quotaId={own.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"{Attainment}/explain?quotaId={own.Id}")).StatusCode);
        var teamView = await ReadAsync<QuotaAttainmentReport>(manager, $"{Attainment}?{window}");           // a manager gets their team
        Assert.Equal([own.Id], teamView.Quotas.Select(q => q.QuotaId));
    }

    [Theory]
    [InlineData(Leaderboard + "?from=2025-01-01&to=2025-02-01&rankBy=charm", "rankBy")]
    [InlineData(Leaderboard + "?from=2025-01-01&to=2025-02-01&limit=0", "limit")]
    [InlineData(Attainment + "?from=2025-01-01&to=2025-02-01&period=week", "period")]
    [InlineData(Attainment + "?to=2025-02-01", "from")]
    [InlineData(Attainment + "/explain", "quotaId")]
    [InlineData(Funnel + "/explain?figure=emails&from=2025-01-01&to=2025-02-01", "figure")]
    public async Task Bad_parameters_are_400_naming_the_parameter(string path, string field)
    {
        using var admin = await factory.AdminClientAsync();

        var problem = await (await admin.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.ErrorFields());
    }

    internal static async Task<QuotaDto> QuotaAsync(HttpClient admin, Guid userId, string period, string periodStart, string kind, decimal target)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/quotas", new { userId, period, periodStart, kind, target });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<QuotaDto>();
    }

    /// <summary>A deal created ten days before it is won at <paramref name="wonAt"/> (both now when null).</summary>
    internal static async Task<OpportunityDto> WonAsync(HttpClient client, Guid account, decimal amount, DateTimeOffset? wonAt)
    {
        var deal = await client.CreateOpportunityAsync(account, new { amount, occurredAt = wonAt?.AddDays(-10) });
        await client.MovedAsync(deal.Id, deal.Version, new { toStageId = Won, occurredAt = wonAt });
        return deal;
    }

    internal static async Task<T> ReadAsync<T>(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<T>();
    }

    private static async Task LostAsync(HttpClient client, Guid account, decimal amount, DateTimeOffset lostAt)
    {
        var deal = await client.CreateOpportunityAsync(account, new { amount, occurredAt = lostAt.AddDays(-10) });
        await client.MovedAsync(deal.Id, deal.Version, new { toStageId = Lost, lostReasonId = PriceReason, occurredAt = lostAt });
    }

    private async Task<(Application.People.UserDto User, HttpClient Client)> RepAsync(HttpClient admin, Guid teamId, string name)
    {
        var (rep, client) = await factory.PersonAsync("rep", teamId);
        var response = await admin.WithIfMatchAsync(HttpMethod.Put, $"/api/v1/users/{rep.Id}", new { displayName = name, role = "rep", teamId }, rep.Version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (rep, client);
    }
}

/// <summary>Quota periods are calendar months in the organisation's zone: here Europe/Warsaw, across the March change to summer time.</summary>
public sealed class AttainmentMetricsTestsInWarsaw(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_deal_won_at_the_periods_first_instant_counts_and_one_at_its_end_does_not()
    {
        await factory.SetTimeZoneAsync("Europe/Warsaw");
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        using var admin = await factory.AdminClientAsync();
        var march = await AttainmentMetricsTests.QuotaAsync(admin, rep.Id, "month", "2025-03-01", "deals", 4);
        // March 2025 in Warsaw: from 1 March 00:00 CET (28 Feb 23:00 UTC) to 1 April 00:00 CEST (31 March 22:00 UTC).
        var start = await AttainmentMetricsTests.WonAsync(client, account, 100, Utc("2025-02-28T23:00:00Z"));       // in
        var last = await AttainmentMetricsTests.WonAsync(client, account, 100, Utc("2025-03-31T21:59:59.999Z"));    // in
        await AttainmentMetricsTests.WonAsync(client, account, 100, Utc("2025-03-31T22:00:00Z"));                    // the end instant: out
        await AttainmentMetricsTests.WonAsync(client, account, 100, Utc("2025-02-28T22:59:59.999Z"));               // February: out

        var report = await AttainmentMetricsTests.ReadAsync<QuotaAttainmentReport>(client,
            $"/api/v1/metrics/quota-attainment?from=2025-03-01&to=2025-04-01");

        var row = Assert.Single(report.Quotas);
        Assert.Equal((march.Id, 2m, 0.5), (row.QuotaId, row.Achieved, row.Attainment));                            // 2 won / target 4
        Assert.Equal(Utc("2025-03-31T22:00:00Z"), row.MeasuredTo);
        var explained = await client.ExplainAllAsync($"/api/v1/metrics/quota-attainment/explain?quotaId={march.Id}");
        Assert.Equal([start.Id, last.Id], explained.Select(r => r.Id));
    }
}
