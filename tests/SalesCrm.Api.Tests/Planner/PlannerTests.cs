using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Calendar;
using SalesCrm.Application.Planner;

namespace SalesCrm.Api.Tests.Planner;

public sealed class PlannerTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Given = "dealsPerOpportunity=0.25&opportunitiesPerMeeting=0.5";

    [Fact]
    public async Task Fifty_deals_at_a_five_percent_call_to_deal_rate_need_1000_calls_48_a_day()
    {
        // metrics.md: 50 deals at a 5% call-to-deal rate need 1,000 calls a month, 48 a day over 21 working days.
        // January 2027 has 21 weekdays and no non-working day. 50 / 0.05 = 1,000 calls; 1,000 / 21 = 47.6 → 48.
        // Opportunities 50 / 0.25 = 200 (200 / 21 = 9.5 → 10); meetings 50 / 0.25 / 0.5 = 400 (400 / 21 = 19.05 → 20); deals 50 / 21 = 2.4 → 3.
        var (rep, client) = await factory.PersonAsync("rep");

        var plan = await client.PlanAsync($"month=2027-01&goalDeals=50&callToDeal=0.05&{Given}");

        Assert.Equal((rep.Id, "2027-01", 50L, 21), (plan.UserId, plan.Month, plan.GoalDeals, plan.WorkingDays));
        Assert.Equal(new PlannerNeeds(50, 200, 400, 1000), plan.PerMonth);
        Assert.Equal(new PlannerNeeds(3, 10, 20, 48), plan.PerWorkingDay);
        Assert.Equal(
            [("dealsPerOpportunity", 0.25m, RateSource.Given), ("opportunitiesPerMeeting", 0.5m, RateSource.Given), ("callToDeal", 0.05m, RateSource.Given)],
            plan.Rates.Select(r => (r.Name, r.Value, r.Source)));
    }

    [Fact]
    public async Task A_holiday_on_a_weekday_removes_a_working_day_and_one_on_a_weekend_does_not()
    {
        // May 2027 has 21 weekdays; Thursday 05-13 is a holiday, Saturday 05-15 too: 21 − 1 = 20 working days.
        // 40 deals at 0.25 and 0.5 and meetingsPerCall 0.2: 160 opportunities, 320 meetings, 1,600 calls; per day 2, 8, 16, 80.
        using var admin = await factory.AdminClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/calendar/non-working-days", new { date = "2027-05-13", name = "Ascension" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/calendar/non-working-days", new { date = "2027-05-15", name = "Saturday party" })).StatusCode);
        var (_, client) = await factory.PersonAsync("rep");

        var plan = await client.PlanAsync($"month=2027-05&goalDeals=40&{Given}&meetingsPerCall=0.2");

        Assert.Equal(20, plan.WorkingDays);
        Assert.Equal([new NonWorkingDayDto(new DateOnly(2027, 5, 13), "Ascension")], plan.NonWorkingDays);
        Assert.Equal(new PlannerNeeds(40, 160, 320, 1600), plan.PerMonth);
        Assert.Equal(new PlannerNeeds(2, 8, 16, 80), plan.PerWorkingDay);

        var days = await (await client.GetAsync("/api/v1/calendar/non-working-days?from=2027-05-01&to=2027-06-01")).ReadAsync<List<NonWorkingDayDto>>();
        Assert.Equal(["Ascension", "Saturday party"], days.Select(d => d.Name));
    }

    [Fact]
    public async Task The_calendar_refuses_a_date_twice_and_removes_it()
    {
        using var admin = await factory.AdminClientAsync();
        var day = new { date = "2027-08-16", name = "Bridge day" };
        await admin.PostAsJsonAsync("/api/v1/calendar/non-working-days", day);

        Assert.Equal(["date"], (await (await admin.PostAsJsonAsync("/api/v1/calendar/non-working-days", day)).ShouldBeProblemAsync(HttpStatusCode.Conflict)).ErrorFields());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/calendar/non-working-days/2027-08-16")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/v1/calendar/non-working-days/2027-08-16")).StatusCode);
        Assert.Equal(["name"], (await (await admin.PostAsJsonAsync("/api/v1/calendar/non-working-days", new { date = "2027-08-17", name = " " }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Rates_not_given_come_from_the_reps_own_last_six_months()
    {
        // History (last month): 40 outbound calls, 8 held meetings, 4 opportunities, 2 won at 5,000.
        // Win rate 2 / 4 = 0.5; opportunities per meeting 4 / 8 = 0.5; meetings per call 8 / 40 = 0.2; deal size 10,000 / 2 = 5,000.
        // February 2027: 20 working days. 10 deals → 10 / 0.5 = 20 opportunities → 20 / 0.5 = 40 meetings → 40 / 0.2 = 200 calls;
        // per day: 10 / 20 = 0.5 → 1, 20 / 20 = 1, 40 / 20 = 2, 200 / 20 = 10.
        var (rep, client) = await factory.PersonAsync("rep");
        await factory.HistoryAsync(client);

        var plan = await client.PlanAsync("month=2027-02&goalDeals=10");

        Assert.Equal(new PlannerNeeds(10, 20, 40, 200), plan.PerMonth);
        Assert.Equal(new PlannerNeeds(1, 1, 2, 10), plan.PerWorkingDay);
        Assert.Equal(
            [("dealsPerOpportunity", 0.5m, RateSource.RepHistory, 2m, 4L), ("opportunitiesPerMeeting", 0.5m, RateSource.RepHistory, 4m, 8L),
                ("meetingsPerCall", 0.2m, RateSource.RepHistory, 8m, 40L)],
            plan.Rates.Select(r => (r.Name, r.Value, r.Source, r.Numerator!.Value, r.Denominator!.Value)));
        var now = DateTime.UtcNow;
        Assert.Equal(new DateOnly(now.Year, now.Month, 1), plan.HistoryTo);
        Assert.Equal(new DateOnly(now.Year, now.Month, 1).AddMonths(-6), plan.HistoryFrom);

        // A revenue goal: 50,000 / 5,000 = 10 deals, the same funnel; a given rate wins over history.
        var revenue = await client.PlanAsync($"month=2027-02&goalRevenue=50000&userId={rep.Id}&meetingsPerCall=0.1");
        Assert.Equal(new PlannerNeeds(10, 20, 40, 400), revenue.PerMonth); // 40 / 0.1
        Assert.Equal(("averageDealSize", 5000m, RateSource.RepHistory), (revenue.Rates[0].Name, revenue.Rates[0].Value, revenue.Rates[0].Source));
        Assert.Equal(RateSource.Given, revenue.Rates.Single(r => r.Name == "meetingsPerCall").Source);
    }

    [Fact]
    public async Task A_manager_plans_for_a_rep_of_their_team_and_nobody_outside_it()
    {
        var team = await factory.TeamAsync();
        var (rep, repClient) = await factory.PersonAsync("rep", team.Id);
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var (_, otherManager) = await factory.PersonAsync("manager", (await factory.TeamAsync()).Id);
        var (teammate, _) = await factory.PersonAsync("rep", team.Id);
        var query = $"month=2027-01&goalDeals=5&callToDeal=0.05&{Given}";

        Assert.Equal(rep.Id, (await manager.PlanAsync($"{query}&userId={rep.Id}")).UserId);
        await (await otherManager.GetAsync($"{PlannerApi.Path}?{query}&userId={rep.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await repClient.GetAsync($"{PlannerApi.Path}?{query}&userId={teammate.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("month=2027-01&goalDeals=0", "goalDeals")]
    [InlineData("month=2027-01&goalDeals=-3", "goalDeals")]
    [InlineData("month=2027-01&goalRevenue=0", "goalRevenue")]
    [InlineData("month=2027-01&goalRevenue=-100", "goalRevenue")]
    [InlineData("month=2027-01", "goalDeals")]
    [InlineData("month=2027-01&goalDeals=5&goalRevenue=1000", "goalDeals")]
    [InlineData("month=2027-01&goalDeals=5&callToDeal=0", "callToDeal")]
    [InlineData("month=2027-01&goalDeals=5&callToDeal=1.5", "callToDeal")]
    [InlineData("month=2027-01&goalDeals=5&dealsPerOpportunity=-0.1", "dealsPerOpportunity")]
    [InlineData("month=2027-01&goalDeals=5&meetingsPerCall=2", "meetingsPerCall")]
    [InlineData("month=2027-01&goalDeals=5&opportunitiesPerMeeting=0", "opportunitiesPerMeeting")]
    [InlineData("month=2027-13&goalDeals=5", "month")]
    [InlineData("month=January&goalDeals=5", "month")]
    [InlineData("goalDeals=5", "month")]
    [InlineData("month=2090-01&goalDeals=5", "month")]
    [InlineData("month=2027-01&goalDeals=2.5", "goalDeals")]
    [InlineData("month=2027-01&goalDeals=5&callToDeal=five", "callToDeal")]
    [InlineData("month=2027-01&goalDeals=100000&dealsPerOpportunity=0.5&opportunitiesPerMeeting=0.5&callToDeal=0.0000000000000000000000000001", "goalDeals")]
    public async Task Bad_plans_are_400_naming_the_field(string query, string field)
    {
        var (_, client) = await factory.PersonAsync("rep");

        var response = await client.GetAsync($"{PlannerApi.Path}?{query}");

        Assert.Equal([field], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
