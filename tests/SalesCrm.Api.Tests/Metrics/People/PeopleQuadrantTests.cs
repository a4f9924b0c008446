using System.Net;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Api.Tests.Readiness;
using SalesCrm.Application.Metrics.People.Quadrant;
using static SalesCrm.Api.Tests.Metrics.AttainmentMetricsTests;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;

namespace SalesCrm.Api.Tests.Metrics.People;

/// <summary>The rep quadrant (metrics.md section F): Q2 2025 against Q1 2025, reps placed by the team median of Q2. Zone: UTC.</summary>
public sealed class PeopleQuadrantTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Quadrant = "/api/v1/metrics/people/quadrant";

    [Fact]
    public async Task Four_reps_fall_one_in_each_quadrant_around_the_team_median()
    {
        var team = await factory.TeamAsync();
        using var admin = await factory.AdminClientAsync();
        var account = await factory.AccountAsync();
        var (amy, amyClient) = await factory.NamedAsync("rep", team.Id, "Amy");
        var (_, bobClient) = await factory.NamedAsync("rep", team.Id, "Bob");
        var (_, catClient) = await factory.NamedAsync("rep", team.Id, "Cat");
        var (_, danClient) = await factory.NamedAsync("rep", team.Id, "Dan");
        await WonAsync(amyClient, account, 1_000, Utc("2025-03-31T23:59:59.999Z"));                 // Q1's last instant
        await WonAsync(amyClient, account, 5_000, Utc("2025-04-01T00:00:00Z"));                     // Q2's first instant
        await WonAsync(amyClient, account, 7_000, Utc("2025-07-01T00:00:00Z"));                     // Q3: out
        await WonAsync(bobClient, account, 8_000, Utc("2025-02-10T10:00:00Z"));
        await WonAsync(bobClient, account, 4_000, Utc("2025-05-10T10:00:00Z"));
        await WonAsync(catClient, account, 500, Utc("2025-01-05T10:00:00Z"));
        await WonAsync(catClient, account, 2_000, Utc("2025-06-30T12:00:00Z"));
        await WonAsync(danClient, account, 3_000, Utc("2025-03-03T10:00:00Z"));
        await WonAsync(danClient, account, 1_000, Utc("2025-04-20T10:00:00Z"));
        var deleted = await WonAsync(danClient, account, 9_000, Utc("2025-05-01T10:00:00Z"));
        Assert.Equal(HttpStatusCode.NoContent, (await danClient.DeleteAsync($"/api/v1/opportunities/{deleted.Id}")).StatusCode);

        var report = await ReadAsync<QuadrantReport>(admin, $"{Quadrant}?quarter=2025-04-01&teamId={team.Id}");

        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2025, 1, 1)), (report.Quarter, report.PreviousQuarter));
        var t = Assert.Single(report.Teams);
        Assert.Equal((team.Id, 4, 3_000m), (t.TeamId, t.Reps, t.MedianRevenue));                      // Q2: 1,000 2,000 | 4,000 5,000 → (2,000 + 4,000) / 2
        Assert.Equal(
            [
                ("Amy", 5_000m, 1_000m, 4_000m, RepQuadrant.RisingStar),
                ("Bob", 4_000m, 8_000m, -4_000m, RepQuadrant.FallingStar),
                ("Cat", 2_000m, 500m, 1_500m, RepQuadrant.ImprovingLaggard),
                ("Dan", 1_000m, 3_000m, -2_000m, RepQuadrant.DecliningLaggard),
            ],
            t.Members.Select(m => (m.DisplayName, m.Revenue, m.PreviousRevenue, m.Change, m.Quadrant)));

        var own = await ReadAsync<QuadrantReport>(amyClient, $"{Quadrant}?quarter=2025-04-01");        // a rep: their team's median, their own row
        var mine = Assert.Single(own.Teams);
        Assert.Equal((3_000m, 4), (mine.MedianRevenue, mine.Reps));
        Assert.Equal([amy.Id], mine.Members.Select(m => m.UserId));

        var organisation = await ReadAsync<QuadrantReport>(admin, $"{Quadrant}?quarter=2025-04-01");
        Assert.Contains(organisation.Teams, x => x.TeamId == team.Id && x.MedianRevenue == 3_000m);
    }

    [Fact]
    public async Task At_the_median_counts_as_above_and_unchanged_revenue_as_not_grown()
    {
        var team = await factory.TeamAsync();
        using var admin = await factory.AdminClientAsync();
        var account = await factory.AccountAsync();
        var (_, eveClient) = await factory.NamedAsync("rep", team.Id, "Eve");
        var (_, fayClient) = await factory.NamedAsync("rep", team.Id, "Fay");
        await factory.NamedAsync("rep", team.Id, "Gus");                                                // nothing in either quarter
        await WonAsync(eveClient, account, 2_000, Utc("2025-02-01T10:00:00Z"));
        await WonAsync(eveClient, account, 2_000, Utc("2025-05-01T10:00:00Z"));
        await WonAsync(fayClient, account, 1_000, Utc("2025-02-01T10:00:00Z"));
        await WonAsync(fayClient, account, 3_000, Utc("2025-05-01T10:00:00Z"));

        var t = (await ReadAsync<QuadrantReport>(admin, $"{Quadrant}?quarter=2025-04-01&teamId={team.Id}")).Teams.Single();

        Assert.Equal(2_000m, t.MedianRevenue);                                                          // 0 | 2,000 | 3,000
        Assert.Equal(
            [
                ("Eve", true, false, RepQuadrant.FallingStar),                                          // at the median, unchanged
                ("Fay", true, true, RepQuadrant.RisingStar),
                ("Gus", false, false, RepQuadrant.DecliningLaggard),                                    // 0 → 0: not grown
            ],
            t.Members.Select(m => (m.DisplayName, m.AtOrAboveMedian, m.Grew, m.Quadrant)));
    }

    [Fact]
    public async Task Another_team_is_not_found()
    {
        var other = await factory.TeamAsync();
        var (_, manager) = await factory.PersonAsync("manager", (await factory.TeamAsync()).Id);
        var (_, rep) = await factory.PersonAsync("rep", (await factory.TeamAsync()).Id);

        await (await manager.GetAsync($"{Quadrant}?quarter=2025-04-01&teamId={other.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rep.GetAsync($"{Quadrant}?quarter=2025-04-01&teamId={other.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"{Quadrant}?quarter=2025-04-01&teamId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Quadrant + "?quarter=2025-02-01", "quarter")]
    [InlineData(Quadrant + "?quarter=2025-04-02", "quarter")]
    [InlineData(Quadrant, "quarter")]
    public async Task Bad_parameters_are_400_naming_the_parameter(string path, string field)
    {
        using var admin = await factory.AdminClientAsync();

        Assert.Equal([field], (await (await admin.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
