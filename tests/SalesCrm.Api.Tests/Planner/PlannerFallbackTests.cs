using System.Net;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Planner;

namespace SalesCrm.Api.Tests.Planner;

/// <summary>Its own database: the organisation's history is exactly what this test records.</summary>
public sealed class PlannerFallbackTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Without_own_history_rates_come_from_the_organisation_and_without_any_the_plan_asks_for_them()
    {
        var (_, newcomer) = await factory.PersonAsync("rep");
        var (_, veteran) = await factory.PersonAsync("rep");

        // metrics.md's example needs nothing but the call-to-deal rate: 50 / 0.05 = 1,000 calls, 1,000 / 21 = 47.6 → 48 a day
        // (January 2027: 21 weekdays); with no history anywhere, the opportunity and meeting steps stay empty.
        var callsOnly = await newcomer.PlanAsync("month=2027-01&goalDeals=50&callToDeal=0.05");
        Assert.Equal(new PlannerNeeds(50, null, null, 1000), callsOnly.PerMonth);
        Assert.Equal(new PlannerNeeds(3, null, null, 48), callsOnly.PerWorkingDay);
        Assert.Equal([("callToDeal", RateSource.Given)], callsOnly.Rates.Select(r => (r.Name, r.Source)));

        var none = await newcomer.GetAsync($"{PlannerApi.Path}?month=2027-02&goalDeals=10");
        Assert.Equal(["dealsPerOpportunity"], (await none.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var noDealSize = await newcomer.GetAsync($"{PlannerApi.Path}?month=2027-02&goalRevenue=1000&dealsPerOpportunity=0.5&opportunitiesPerMeeting=0.5&callToDeal=0.1");
        Assert.Equal(["averageDealSize"], (await noDealSize.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        // The veteran's history is the organisation's: 2 won / 4 opportunities = 0.5, 4 / 8 meetings = 0.5, 8 / 40 calls = 0.2.
        await factory.HistoryAsync(veteran);
        var plan = await newcomer.PlanAsync("month=2027-02&goalDeals=10");

        Assert.All(plan.Rates, r => Assert.Equal(RateSource.Organisation, r.Source));
        Assert.Equal([(2m, 4L), (4m, 8L), (8m, 40L)], plan.Rates.Select(r => (r.Numerator!.Value, r.Denominator!.Value)));
        Assert.Equal(new PlannerNeeds(10, 20, 40, 200), plan.PerMonth);
    }
}
