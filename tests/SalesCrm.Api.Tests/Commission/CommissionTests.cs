using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Application.Commission;
using static SalesCrm.Api.Tests.Metrics.AttainmentMetricsTests;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;
using static SalesCrm.Api.Tests.Pipelines.PipelinesApi;

namespace SalesCrm.Api.Tests.Commission;

/// <summary>
/// Commission (metrics.md section F): base pay + rate × won revenue once attainment reaches the plan's threshold. Each
/// test makes its own team and plans (history import puts the deals in the past). Organisation time zone: UTC.
/// </summary>
public sealed class CommissionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Junior_and_senior_plans_pay_10_percent_only_once_their_target_is_met()
    {
        var team = await factory.TeamAsync();
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var (juniorOver, juniorOverClient) = await factory.PersonAsync("rep", team.Id);
        var (juniorUnder, juniorUnderClient) = await factory.PersonAsync("rep", team.Id);
        var (seniorAt, seniorAtClient) = await factory.PersonAsync("rep", team.Id);
        var (seniorUnder, seniorUnderClient) = await factory.PersonAsync("rep", team.Id);
        var account = await factory.AccountAsync();
        using var admin = await factory.AdminClientAsync();
        // metrics.md: a junior target of 10,000 a month and a senior target of 25,000, each with 10% when the target is met.
        var junior = await admin.PlanAsync(basePay: 2_000, target: 10_000, rate: 0.1m);
        var senior = await admin.PlanAsync(basePay: 4_000, target: 25_000, rate: 0.1m);
        await admin.AssignedAsync(juniorOver.Id, junior.Id, "2025-01-01"); // past months: only an admin may back-date
        await admin.AssignedAsync(juniorUnder.Id, junior.Id, "2025-03-01");
        await admin.AssignedAsync(seniorAt.Id, senior.Id, "2025-02-01");
        await admin.AssignedAsync(seniorUnder.Id, senior.Id, "2025-03-01");

        var first = await WonAsync(juniorOverClient, account, 6_000, Utc("2025-03-01T00:00:00Z"));             // first instant of March: in
        var second = await WonAsync(juniorOverClient, account, 5_000, Utc("2025-03-31T23:59:59.999Z"));        // last instant: in
        await WonAsync(juniorOverClient, account, 7_000, Utc("2025-04-01T00:00:00Z"));                           // April: out
        await WonAsync(juniorOverClient, account, 3_000, Utc("2025-02-28T23:59:59.999Z"));                       // February: out
        var deleted = await WonAsync(juniorOverClient, account, 9_000, Utc("2025-03-15T10:00:00Z"));
        Assert.Equal(HttpStatusCode.NoContent, (await juniorOverClient.DeleteAsync($"/api/v1/opportunities/{deleted.Id}")).StatusCode);
        var lost = await juniorOverClient.CreateOpportunityAsync(account, new { amount = 8_000m, occurredAt = Utc("2025-03-01T10:00:00Z") });
        await juniorOverClient.MovedAsync(lost.Id, lost.Version, new { toStageId = Lost, lostReasonId = PriceReason, occurredAt = Utc("2025-03-05T10:00:00Z") });
        await WonAsync(juniorUnderClient, account, 9_500, Utc("2025-03-10T10:00:00Z"));
        await WonAsync(seniorAtClient, account, 20_000, Utc("2025-03-10T10:00:00Z"));
        await WonAsync(seniorAtClient, account, 5_000, Utc("2025-03-11T10:00:00Z"));
        await WonAsync(seniorUnderClient, account, 24_999.99m, Utc("2025-03-12T10:00:00Z"));

        var over = await juniorOverClient.StatementAsync(juniorOver.Id, "month", "2025-03-01");
        // 6,000 + 5,000 = 11,000 won / 10,000 = 1.1 ≥ 1.0: commission 10% × 11,000 = 1,100; total 2,000 + 1,100 = 3,100.
        Assert.Equal(junior.Id, over.Plan!.Id);
        Assert.Equal((11_000m, 1.1, true, 2_000m, 1_100m, 3_100m),
            (over.WonRevenue, over.Attainment!.Value, over.ThresholdMet!.Value, over.BasePay!.Value, over.Commission!.Value, over.Total!.Value));
        Assert.Equal([(first.Id, 6_000m, Utc("2025-03-01T00:00:00Z")), (second.Id, 5_000m, Utc("2025-03-31T23:59:59.999Z"))],
            over.Deals.Select(d => (d.Id, d.Amount, d.ClosedAt)));
        Assert.Equal((new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 1)), (over.Start, over.End));

        // 9,500 / 10,000 = 0.95 < 1.0: no commission; total = base 2,000.
        var under = await manager.StatementAsync(juniorUnder.Id, "month", "2025-03-01");
        Assert.Equal((9_500m, 0.95, false, 0m, 2_000m), (under.WonRevenue, under.Attainment!.Value, under.ThresholdMet!.Value, under.Commission!.Value, under.Total!.Value));

        // 20,000 + 5,000 = 25,000 / 25,000 = 1.0: met exactly; 10% × 25,000 = 2,500; total 4,000 + 2,500 = 6,500.
        var at = await admin.StatementAsync(seniorAt.Id, "month", "2025-03-01");
        Assert.Equal((25_000m, 1.0, true, 2_500m, 6_500m), (at.WonRevenue, at.Attainment!.Value, at.ThresholdMet!.Value, at.Commission!.Value, at.Total!.Value));

        // 24,999.99 / 25,000 = 0.9999996 → 1.0 rounded, but the threshold compares exactly: not met; total = base 4,000.
        var seniorShort = await admin.StatementAsync(seniorUnder.Id, "month", "2025-03-01");
        Assert.Equal((1.0, false, 0m, 4_000m), (seniorShort.Attainment!.Value, seniorShort.ThresholdMet!.Value, seniorShort.Commission!.Value, seniorShort.Total!.Value));

        var earnings = await manager.OkAsync<CommissionEarnings>($"/api/v1/commission/earnings?team={team.Id}&period=month&start=2025-03-01");
        // 3,100 + 2,000 + 6,500 + 4,000 = 15,600.
        Assert.Equal(15_600m, earnings.Total);
        Assert.Equal(
            new Dictionary<Guid, (decimal, decimal)>
            {
                [juniorOver.Id] = (11_000m, 3_100m), [juniorUnder.Id] = (9_500m, 2_000m), [seniorAt.Id] = (25_000m, 6_500m), [seniorUnder.Id] = (24_999.99m, 4_000m),
            },
            earnings.Reps.ToDictionary(r => r.UserId, r => (r.WonRevenue, r.Total)));
        var byDefault = await manager.OkAsync<CommissionEarnings>("/api/v1/commission/earnings?period=month&start=2025-03-01");
        Assert.Equal(15_600m, byDefault.Total);
    }

    [Fact]
    public async Task The_plan_in_force_at_the_periods_start_applies_and_the_history_is_kept()
    {
        var team = await factory.TeamAsync();
        var (rep, client) = await factory.PersonAsync("rep", team.Id);
        var account = await factory.AccountAsync();
        using var admin = await factory.AdminClientAsync();
        var junior = await admin.PlanAsync(basePay: 1_000, target: 10_000, rate: 0.1m);
        var quarterly = await admin.PlanAsync(basePay: 0, target: 30_000, rate: 0.05m, threshold: 0.8m, period: "quarter");
        await admin.AssignedAsync(rep.Id, junior.Id, "2025-01-01");
        await admin.AssignedAsync(rep.Id, quarterly.Id, "2025-04-01");
        await WonAsync(client, account, 10_000, Utc("2025-02-10T10:00:00Z"));
        await WonAsync(client, account, 14_000, Utc("2025-05-10T10:00:00Z"));
        await WonAsync(client, account, 10_000, Utc("2025-06-10T10:00:00Z"));

        // February, junior plan: 10,000 / 10,000 = 1.0 → 10% = 1,000; total 2,000.
        var february = await client.StatementAsync(rep.Id, "month", "2025-02-01");
        Assert.Equal((junior.Id, 2_000m), (february.Plan!.Id, february.Total!.Value));
        // Q2, quarterly plan: 24,000 / 30,000 = 0.8 ≥ 0.8 → 5% × 24,000 = 1,200; total 0 + 1,200.
        var q2 = await client.StatementAsync(rep.Id, "quarter", "2025-04-01");
        Assert.Equal((quarterly.Id, 24_000m, 0.8, true, 1_200m), (q2.Plan!.Id, q2.WonRevenue, q2.Attainment!.Value, q2.ThresholdMet!.Value, q2.Total!.Value));
        // May under a quarterly plan, and before any plan: no plan applies, the won revenue is still shown.
        var may = await client.StatementAsync(rep.Id, "month", "2025-05-01");
        Assert.Equal((null, 14_000m, null, null), (may.Plan, may.WonRevenue, may.Commission, may.Total));
        Assert.Null((await client.StatementAsync(rep.Id, "month", "2024-12-01")).Plan);

        var history = await client.OkAsync<List<CommissionAssignmentDto>>($"/api/v1/commission/assignments?userId={rep.Id}");
        Assert.Equal([(junior.Id, new DateOnly(2025, 1, 1)), (quarterly.Id, new DateOnly(2025, 4, 1))], history.Select(a => (a.PlanId, a.EffectiveFrom)));
        await (await admin.AssignAsync(rep.Id, junior.Id, "2025-04-01")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Statements_are_seen_only_by_the_rep_their_manager_and_admins()
    {
        var team = await factory.TeamAsync();
        var other = await factory.TeamAsync();
        var (rep, repClient) = await factory.PersonAsync("rep", team.Id);
        var (_, teammate) = await factory.PersonAsync("rep", team.Id);
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var (otherRep, otherRepClient) = await factory.PersonAsync("rep", other.Id);
        var (_, otherManager) = await factory.PersonAsync("manager", other.Id);
        using var admin = await factory.AdminClientAsync();
        var plan = await admin.PlanAsync(basePay: 1_000, target: 10_000, rate: 0.1m);
        await admin.AssignedAsync(rep.Id, plan.Id, "2025-01-01");
        var path = $"/api/v1/commission/statements/{rep.Id}?period=month&start=2025-01-01";

        foreach (var allowed in new[] { repClient, manager, admin })
        {
            Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync(path)).StatusCode);
        }

        foreach (var hidden in new[] { teammate, otherRepClient, otherManager })
        {
            await (await hidden.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await hidden.GetAsync($"/api/v1/commission/assignments?userId={rep.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal(["userId"], (await (await manager.AssignAsync(otherRep.Id, plan.Id, "2025-01-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        // A manager assigns their team's reps from this month on, never back-dated, never themselves or a fellow manager.
        var (managerUser, _) = await factory.PersonAsync("manager", team.Id);
        var nextYear = $"{DateTime.UtcNow.Year + 1}-01-01";
        await manager.AssignedAsync(rep.Id, plan.Id, nextYear);
        Assert.Equal(["effectiveFrom"], (await (await manager.AssignAsync(rep.Id, plan.Id, "2025-02-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["userId"], (await (await manager.AssignAsync(managerUser.Id, plan.Id, nextYear)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await (await manager.GetAsync($"/api/v1/commission/statements/{managerUser.Id}?period=month&start=2025-01-01")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await otherManager.GetAsync($"/api/v1/commission/earnings?team={team.Id}&period=month&start=2025-01-01")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await repClient.GetAsync($"/api/v1/commission/earnings?team={team.Id}&period=month&start=2025-01-01")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostAsJsonAsync("/api/v1/commission/plans", new { name = "Mine", basePay = 0, target = 1, rate = 0.1, threshold = 1, period = "month" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("rate", -0.1, 10_000, 1_000)]
    [InlineData("basePay", 0.1, 10_000, -1)]
    [InlineData("target", 0.1, -10_000, 1_000)]
    [InlineData("target", 0.1, 0, 1_000)]
    public async Task A_bad_plan_is_refused_naming_the_field_and_nothing_is_written(string field, double rate, double target, double basePay)
    {
        using var admin = await factory.AdminClientAsync();
        var name = $"Bad {Guid.NewGuid():N}";

        var problem = await (await admin.PostAsJsonAsync("/api/v1/commission/plans", new { name, basePay, target, rate, threshold = 1.0, period = "month" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([field], problem.ErrorFields());
        Assert.DoesNotContain(name, (await admin.OkAsync<List<CommissionPlanDto>>("/api/v1/commission/plans")).Select(p => p.Name));
    }

    [Theory]
    [InlineData("period=week&start=2025-01-01", "period")]
    [InlineData("start=2025-01-01", "period")]
    [InlineData("period=month", "start")]
    [InlineData("period=month&start=2025-01-02", "start")]
    [InlineData("period=quarter&start=2025-02-01", "start")]
    [InlineData("period=month&start=January", "start")]
    public async Task A_bad_period_is_refused_naming_the_parameter(string query, string field)
    {
        var (rep, client) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();

        var statement = await (await client.GetAsync($"/api/v1/commission/statements/{rep.Id}?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var earnings = await (await admin.GetAsync($"/api/v1/commission/earnings?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([field], statement.ErrorFields());
        Assert.Equal([field], earnings.ErrorFields());
    }

    [Fact]
    public async Task Bad_plans_periods_and_assignment_dates_are_refused_and_write_nothing()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();
        var plan = await admin.PlanAsync(basePay: 1_000, target: 10_000, rate: 0.1m);

        var year = await (await admin.PostAsJsonAsync("/api/v1/commission/plans", new { name = "Yearly", basePay = 0, target = 1, rate = 0.1, threshold = 1, period = "year" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["period"], year.ErrorFields());
        Assert.Equal(["effectiveFrom"], (await (await admin.AssignAsync(rep.Id, plan.Id, "2025-03-15")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["planId"], (await (await admin.AssignAsync(rep.Id, Guid.NewGuid(), "2025-03-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await (await admin.PostAsJsonAsync("/api/v1/commission/plans", new { name = plan.Name, basePay = 0, target = 1, rate = 0.1, threshold = 1, period = "month" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        Assert.Empty(await client.OkAsync<List<CommissionAssignmentDto>>($"/api/v1/commission/assignments?userId={rep.Id}"));
    }
}
