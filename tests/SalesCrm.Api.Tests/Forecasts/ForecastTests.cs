using System.Net;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Metrics;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Application.Forecasts;
using SalesCrm.Domain.Forecasts;
using static SalesCrm.Api.Tests.Forecasts.ForecastsApi;
using static SalesCrm.Api.Tests.Pipelines.PipelinesApi;

namespace SalesCrm.Api.Tests.Forecasts;

/// <summary>
/// The three forecasts (metrics.md section E) through the API, for a fresh rep each, in periods relative to today
/// (organisation zone UTC). Expected values are written by hand.
/// </summary>
public sealed class ForecastTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Stage_weighted_counts_a_1000_deal_at_60_percent_as_600_plus_what_was_won_so_far()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var next = ThisMonth.AddMonths(1);
        var trial = await client.OpenDealAsync(account, 1000m, next.AddDays(14));               // Trial 60%: 600
        var demo = await client.OpenDealAsync(account, 500m, next, Demo);                        // Demo 40%: 200
        await client.OpenDealAsync(account, 4000m, next.AddMonths(1));                           // the month after: left out
        await client.OpenDealAsync(account, 300m, null);                                         // no close date: left out, counted
        var deleted = await client.OpenDealAsync(account, 9000m, next);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/opportunities/{deleted.Id}")).StatusCode);

        var report = await client.ForecastAsync($"period=month&start={Iso(next)}&userId={rep.Id}");

        var s = report.StageWeighted;
        Assert.Equal(800m, s.Forecast);                            // 0 won so far + 600 + 200
        Assert.Equal(new DealTotal(0, 0m), s.WonSoFar);
        Assert.Equal(new DealTotal(2, 1500m), s.OpenDeals);        // 1000 + 500
        Assert.Equal(800m, s.Weighted);
        Assert.Equal([(Demo, 40, 1L, 500m, 200m), (Trial, 60, 1L, 1000m, 600m)],
            s.Stages.Select(x => (x.StageId, x.Probability, x.Count, x.Amount, x.Weighted)));
        Assert.Equal(new DealTotal(1, 300m), report.OpenWithoutCloseDate);
        Assert.Equal((ForecastPeriod.Month, next, next.AddMonths(1), rep.Id), (report.Context.Period, report.Context.Start, report.Context.End, report.Context.UserId));

        var explained = await client.ExplainAllAsync($"{ForecastPath}/explain?method=stage_weighted&period=month&start={Iso(next)}&userId={rep.Id}", 1);
        Assert.Equal([(trial.Id, 1000m, 0.6), (demo.Id, 500m, 0.4)], explained.Select(r => (r.Id, r.Amount!.Value, r.Value!.Value))); // by creation
    }

    [Fact]
    public async Task Won_so_far_in_the_current_month_adds_to_both_pipeline_methods()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var monthStart = new DateTimeOffset(ThisMonth.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var now = DateTimeOffset.UtcNow;
        var won = await client.WonDealAsync(account, 2000m, monthStart, monthStart + ((now - monthStart) / 2));
        await client.OpenDealAsync(account, 1000m, ThisMonth.AddMonths(1).AddDays(-1));         // last day of this month, Trial 60%

        var report = await client.ForecastAsync($"period=month&start={Iso(ThisMonth)}&userId={rep.Id}");

        Assert.Equal(new DealTotal(1, 2000m), report.StageWeighted.WonSoFar);
        Assert.Equal(2600m, report.StageWeighted.Forecast);       // 2000 won + 1000 × 60%
        Assert.Equal(new DealTotal(1, 2000m), report.CycleAge.WonSoFar);
        var explained = await client.ExplainAllAsync($"{ForecastPath}/explain?method=stage_weighted&period=month&start={Iso(ThisMonth)}&userId={rep.Id}");
        Assert.Equal((won, 1.0), (explained[0].Id, explained[0].Value));  // closed this month, before the open deal was created
    }

    [Fact]
    public async Task Cycle_age_counts_a_deal_two_months_into_a_four_month_cycle_at_50_percent()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var now = DateTimeOffset.UtcNow;
        await client.WonDealAsync(account, 100m, now.AddDays(-300), now.AddDays(-180));       // 120-day cycle
        await client.WonDealAsync(account, 100m, now.AddDays(-250), now.AddDays(-130));       // 120-day cycle
        await client.WonDealAsync(account, 100m, now.AddDays(-800), now.AddDays(-400));       // won 400 days ago: outside the 12 months
        var next = ThisMonth.AddMonths(1);
        var deal = await client.OpenDealAsync(account, 1000m, next.AddDays(3), createdAt: now.AddDays(-60));
        var old = await client.OpenDealAsync(account, 400m, next.AddDays(4), createdAt: now.AddDays(-200));

        var report = await client.ForecastAsync($"period=month&start={Iso(next)}&userId={rep.Id}");

        var c = report.CycleAge;
        Assert.Equal(120, c.TypicalCycleDays);                    // median of 120, 120
        Assert.Equal(2, c.CycleDeals);
        Assert.Equal(900m, c.Weighted);                           // 1000 × 60/120 = 500, + 400 × min(1, 200/120) = 400
        Assert.Equal(900m, c.Forecast);                           // nothing won in next month yet
        var explained = await client.ExplainAllAsync($"{ForecastPath}/explain?method=cycle_age&period=month&start={Iso(next)}&userId={rep.Id}");
        Assert.Equal([(old.Id, 1.0), (deal.Id, 0.5)], explained.Select(r => (r.Id, r.Value!.Value)));
    }

    [Fact]
    public async Task A_reps_typical_cycle_is_the_exact_median_of_their_won_deals_not_of_the_middle_days_neighbours()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var now = DateTimeOffset.UtcNow;
        await client.WonDealAsync(account, 100m, now.AddDays(-100), now.AddDays(-90));              // 10 days
        await client.WonDealAsync(account, 100m, now.AddDays(-80.25), now.AddDays(-60));            // 20.25 days
        await client.WonDealAsync(account, 100m, now.AddDays(-90.75), now.AddDays(-50));            // 40.75 days
        await client.WonDealAsync(account, 100m, now.AddDays(-130), now.AddDays(-40));              // 90 days

        var c = (await client.ForecastAsync($"period=month&start={Iso(ThisMonth.AddMonths(1))}&userId={rep.Id}")).CycleAge;

        Assert.Equal(4, c.CycleDeals);
        Assert.Equal(30.5, c.TypicalCycleDays);                   // middle two of 10, 20.25, 40.75, 90: (20.25 + 40.75) / 2
    }

    [Fact]
    public async Task Cycle_age_without_deals_won_in_the_last_12_months_adds_nothing_for_open_deals()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var next = ThisMonth.AddMonths(1);
        await client.OpenDealAsync(account, 1000m, next);

        var c = (await client.ForecastAsync($"period=month&start={Iso(next)}&userId={rep.Id}")).CycleAge;

        Assert.Equal((null, 0L, 0m, 0m, new DealTotal(1, 1000m)), (c.TypicalCycleDays, c.CycleDeals, c.Weighted, c.Forecast, c.OpenDeals));
    }

    [Fact]
    public async Task Historical_reproduces_the_metrics_md_example_of_1075000()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        for (var back = 1; back <= 3; back++)
        {
            var day = new DateTimeOffset(ThisMonth.AddMonths(-back).AddDays(9).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            await client.WonDealAsync(account, 1_000_000m, day, day.AddHours(1));  // 1,000,000 won in each of the three months
        }

        var early = new DateTimeOffset(ThisMonth.AddMonths(-4).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await client.WonDealAsync(account, 50_000m, early, early.AddDays(1));         // four months back: outside the trailing three

        var query = $"period=month&start={Iso(ThisMonth)}&userId={rep.Id}";
        var h = (await client.ForecastAsync($"{query}&growthRate=0.05&newReps=5&newRepDeals=1&newRepDealSize=5000")).Historical;

        Assert.Equal(new DealTotal(3, 3_000_000m), h.TrailingWon);
        Assert.Equal(1_000_000m, h.AverageMonthlyRevenue);       // 3,000,000 / 3
        Assert.Equal(1_050_000m, h.Baseline);                    // 1,000,000 × 1 month × 1.05
        Assert.Equal(25_000m, h.NewRepRevenue);                  // 5 reps × 1 deal × 5,000
        Assert.Equal(1_075_000m, h.Forecast);
        Assert.Equal((ThisMonth.AddMonths(-3), ThisMonth), (h.TrailingFrom, h.TrailingTo));

        var explained = await client.ExplainAllAsync($"{ForecastPath}/explain?method=historical&{query}");
        Assert.Equal([1_000_000m, 1_000_000m, 1_000_000m], explained.Select(r => r.Amount!.Value)); // the three trailing wins, not the older one

        var defaults = (await client.ForecastAsync(query)).Historical;
        Assert.Equal((1_000_000m, 0m, 0, 1, 1_000_000m), (defaults.Forecast, defaults.GrowthRate, defaults.NewReps, defaults.NewRepDeals, defaults.NewRepDealSize));
        var quarter = (await client.ForecastAsync($"period=quarter&start={Iso(ThisQuarter)}&userId={rep.Id}&newReps=2")).Historical;
        Assert.Equal(5_000_000m, quarter.Forecast);              // 1,000,000 × 3 months + 2 reps × 1 deal × 1,000,000 (average deal)
    }

    [Fact]
    public async Task Categories_roll_up_the_open_deals_of_the_period_and_are_set_by_the_owner_with_if_match()
    {
        var team = await factory.TeamAsync();
        var (rep, client) = await factory.PersonAsync("rep", team.Id);
        var (_, teammate) = await factory.PersonAsync("rep", team.Id);
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var account = await factory.AccountAsync();
        var next = ThisMonth.AddMonths(1);
        var commit = await client.OpenDealAsync(account, 1000m, next);
        var best = await client.OpenDealAsync(account, 2000m, next);
        var omitted = await client.OpenDealAsync(account, 700m, next);
        await client.OpenDealAsync(account, 500m, next);                                         // stays pipeline
        await client.OpenDealAsync(account, 9000m, next.AddMonths(1));                           // another period

        var set = await client.SendAsync(HttpMethod.Put, $"/api/v1/opportunities/{commit.Id}/forecast", new { category = "commit" }, commit.Version);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal($"\"{commit.Version + 1}\"", set.Headers.ETag!.Tag);
        Assert.Equal(ForecastCategory.Commit, (await set.ReadAsync<Application.Forecasts.SetForecastCategory.ForecastCategoryDto>()).Category);
        Assert.Equal(HttpStatusCode.OK, (await manager.SendAsync(HttpMethod.Put, $"/api/v1/opportunities/{best.Id}/forecast", new { category = "best_case" }, best.Version)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Put, $"/api/v1/opportunities/{omitted.Id}/forecast", new { category = "omitted" }, omitted.Version)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await teammate.SendAsync(HttpMethod.Put, $"/api/v1/opportunities/{omitted.Id}/forecast", new { category = "commit" }, omitted.Version + 1)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await client.SendAsync(HttpMethod.Put, $"/api/v1/opportunities/{omitted.Id}/forecast", new { category = "commit" })).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(HttpMethod.Put, $"/api/v1/opportunities/{omitted.Id}/forecast", new { category = "commit" }, omitted.Version)).StatusCode);
        var unknown = await client.SendAsync(HttpMethod.Put, $"/api/v1/opportunities/{omitted.Id}/forecast", new { category = "maybe" }, omitted.Version + 1);
        Assert.Contains("category", (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var missing = await client.SendAsync(HttpMethod.Put, $"/api/v1/opportunities/{omitted.Id}/forecast", new { }, omitted.Version + 1);
        Assert.Contains("category", (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var report = await client.ForecastAsync($"period=month&start={Iso(next)}&userId={rep.Id}");

        Assert.Equal(
            [(ForecastCategory.Commit, 1L, 1000m), (ForecastCategory.BestCase, 1L, 2000m), (ForecastCategory.Pipeline, 1L, 500m), (ForecastCategory.Omitted, 1L, 700m)],
            report.Categories.Select(c => (c.Category, c.Count, c.Amount)));
    }

    [Fact]
    public async Task A_rep_asking_for_another_teams_rep_or_team_gets_404_and_a_manager_reads_their_rep()
    {
        var (teamA, teamB) = (await factory.TeamAsync(), await factory.TeamAsync());
        var (rep, client) = await factory.PersonAsync("rep", teamA.Id);
        var (other, _) = await factory.PersonAsync("rep", teamB.Id);
        var (_, manager) = await factory.PersonAsync("manager", teamA.Id);
        var period = $"period=month&start={Iso(ThisMonth)}";

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{ForecastPath}?{period}&userId={other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{ForecastPath}?{period}&teamId={teamB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{ForecastPath}/explain?method=historical&{period}&userId={other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{ForecastPath}/accuracy?period=month&userId={other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"{ForecastPath}?{period}&userId={other.Id}")).StatusCode);
        Assert.Equal(rep.Id, (await manager.ForecastAsync($"{period}&userId={rep.Id}")).Context.UserId);
        Assert.Equal(rep.Id, (await client.ForecastAsync(period)).Context.UserId);     // a rep's default subject is themself
        Assert.Equal(teamA.Id, (await manager.ForecastAsync(period)).Context.TeamId);  // a manager's is their team
    }

    [Theory]
    [InlineData("start={month}", "period")]
    [InlineData("period=year&start={month}", "period")]
    [InlineData("period=month", "start")]
    [InlineData("period=month&start={mid}", "start")]
    [InlineData("period=quarter&start={notQuarter}", "start")]
    [InlineData("period=month&start={past}", "start")]
    [InlineData("period=month&start={tooFar}", "start")]
    [InlineData("period=month&start={month}&growthRate=-1.5", "growthRate")]
    [InlineData("period=month&start={month}&growthRate=11", "growthRate")]
    [InlineData("period=month&start={month}&newReps=-1", "newReps")]
    [InlineData("period=month&start={month}&newRepDeals=5000", "newRepDeals")]
    [InlineData("period=month&start={month}&newRepDealSize=-5", "newRepDealSize")]
    [InlineData("period=month&start={month}&newRepDealSize=1.00001", "newRepDealSize")]
    [InlineData("period=month&start={month}&growthRate=lots", "growthRate")]
    [InlineData("period=month&start=2026-13-01", "start")]
    public async Task Bad_input_is_a_400_naming_the_field(string query, string field)
    {
        using var admin = await factory.AdminClientAsync();
        var notQuarter = ThisQuarter.AddMonths(4);
        var resolved = query.Replace("{month}", Iso(ThisMonth), StringComparison.Ordinal)
            .Replace("{mid}", Iso(ThisMonth.AddMonths(1).AddDays(14)), StringComparison.Ordinal)
            .Replace("{notQuarter}", Iso(notQuarter), StringComparison.Ordinal)
            .Replace("{past}", Iso(ThisMonth.AddMonths(-1)), StringComparison.Ordinal)
            .Replace("{tooFar}", Iso(ThisMonth.AddMonths(25)), StringComparison.Ordinal);

        var response = await admin.GetAsync($"{ForecastPath}?{resolved}");

        Assert.Equal([field], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Explain_and_accuracy_refuse_bad_input_naming_the_field()
    {
        using var admin = await factory.AdminClientAsync();
        var period = $"period=month&start={Iso(ThisMonth)}";

        Assert.Equal(["method"], (await (await admin.GetAsync($"{ForecastPath}/explain?{period}&method=gut_feeling")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["method"], (await (await admin.GetAsync($"{ForecastPath}/explain?{period}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["limit"], (await (await admin.GetAsync($"{ForecastPath}/explain?{period}&method=historical&limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["period"], (await (await admin.GetAsync($"{ForecastPath}/accuracy")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["limit"], (await (await admin.GetAsync($"{ForecastPath}/accuracy?period=quarter&limit=61")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
