using System.Net;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Api.Tests.Readiness;
using SalesCrm.Application.Metrics.People.Ramp;
using SalesCrm.Domain.Quotas;
using static SalesCrm.Api.Tests.Metrics.AttainmentMetricsTests;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;

namespace SalesCrm.Api.Tests.Metrics.People;

/// <summary>Ramp time (metrics.md section F): days from a rep's start date to their first won deal and to their first quota at 100%. Zone: UTC.</summary>
public sealed class PeopleRampTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Ramp = "/api/v1/metrics/people/ramp";

    [Fact]
    public async Task Days_to_the_first_win_and_to_the_first_quota_are_counted_from_the_start_date_and_grouped_by_cohort()
    {
        var team = await factory.TeamAsync();
        using var admin = await factory.AdminClientAsync();
        var account = await factory.AccountAsync();
        var (rita, ritaClient) = await factory.NamedAsync("rep", team.Id, "Rita", "2025-01-15");
        var (sam, samClient) = await factory.NamedAsync("rep", team.Id, "Sam", "2025-02-03");
        var (tia, _) = await factory.NamedAsync("rep", team.Id, "Tia", "2025-01-20");
        await WonAsync(ritaClient, account, 700, Utc("2025-01-10T10:00:00Z"));                     // before her start: not her first win
        await WonAsync(ritaClient, account, 6_000, Utc("2025-03-01T10:00:00Z"));
        await QuotaAsync(admin, rita.Id, "month", "2025-02-01", "revenue", 10_000);                  // nothing won in February
        var march = await QuotaAsync(admin, rita.Id, "month", "2025-03-01", "revenue", 5_000);        // 6,000 / 5,000
        await WonAsync(samClient, account, 100, Utc("2025-02-10T09:00:00Z"));
        var q2 = await QuotaAsync(admin, sam.Id, "quarter", "2025-04-01", "deals", 1);
        await WonAsync(samClient, account, 100, Utc("2025-05-05T09:00:00Z"));                       // 1 deal / 1

        var report = await ReadAsync<RampReport>(admin, $"{Ramp}?teamId={team.Id}");

        Assert.Equal([rita.Id, sam.Id, tia.Id], report.Reps.Select(r => r.UserId));
        var r = report.Reps[0];
        Assert.Equal((new DateOnly(2025, 1, 15), false, Utc("2025-03-01T10:00:00Z"), 45), (r.StartedOn, r.StartedOnDefaulted, r.FirstWonAt!.Value, r.DaysToFirstWin!.Value)); // 16 + 28 + 1
        Assert.Equal((march.Id, 1.2, 76), (r.FirstQuotaAttained!.QuotaId, r.FirstQuotaAttained.Attainment!.Value, r.DaysToQuota!.Value));   // to 1 April: 16 + 28 + 31 + 1
        var s = report.Reps[1];
        Assert.Equal((7, q2.Id, QuotaPeriod.Quarter, 148), (s.DaysToFirstWin!.Value, s.FirstQuotaAttained!.QuotaId, s.FirstQuotaAttained.Period, s.DaysToQuota!.Value)); // 3 Feb → 1 July: 25 + 31 + 30 + 31 + 30 + 1
        var t = report.Reps[2];
        Assert.Equal(((DateTimeOffset?)null, (int?)null, (RampQuota?)null, (int?)null), (t.FirstWonAt, t.DaysToFirstWin, t.FirstQuotaAttained, t.DaysToQuota));
        Assert.Equal(
            [(new DateOnly(2025, 1, 1), 2, 1, (double?)45, 1, (double?)76), (new DateOnly(2025, 2, 1), 1, 1, 7, 1, 148)],
            report.Cohorts.Select(c => (c.CohortStart, c.Reps, c.RepsWithFirstWin, c.MedianDaysToFirstWin, c.RepsReachedQuota, c.MedianDaysToQuota)));

        var quarters = await ReadAsync<RampReport>(admin, $"{Ramp}?teamId={team.Id}&cohort=quarter");
        var q1 = Assert.Single(quarters.Cohorts);
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 1), 3, 2, 26.0, 2, 112.0),
            (q1.CohortStart, q1.CohortEnd, q1.Reps, q1.RepsWithFirstWin, q1.MedianDaysToFirstWin!.Value, q1.RepsReachedQuota, q1.MedianDaysToQuota!.Value)); // (7 + 45) / 2, (76 + 148) / 2

        var february = await ReadAsync<RampReport>(admin, $"{Ramp}?teamId={team.Id}&from=2025-02-01&to=2025-03-01");   // started in February only
        Assert.Equal([sam.Id], february.Reps.Select(x => x.UserId));

        var own = await ReadAsync<RampReport>(ritaClient, $"{Ramp}?teamId={team.Id}");                                  // a rep: the cohorts, their own row
        Assert.Equal([rita.Id], own.Reps.Select(x => x.UserId));
        Assert.Equal(3, own.Cohorts.Sum(c => c.Reps));
    }

    [Fact]
    public async Task A_rep_without_a_start_date_started_on_the_day_they_were_created()
    {
        var (rep, client) = await factory.PersonAsync("rep");

        var report = await ReadAsync<RampReport>(client, Ramp);

        var row = Assert.Single(report.Reps);
        Assert.Equal((rep.Id, DateOnly.FromDateTime(rep.CreatedAt.UtcDateTime), true), (row.UserId, row.StartedOn, row.StartedOnDefaulted));
        Assert.Null(row.DaysToFirstWin);
        Assert.Equal((1, 0, (double?)null), (report.Cohorts.Single().Reps, report.Cohorts.Single().RepsWithFirstWin, report.Cohorts.Single().MedianDaysToFirstWin));
    }

    [Fact]
    public async Task Another_teams_rep_or_team_is_not_found()
    {
        var team = await factory.TeamAsync();
        var other = await factory.TeamAsync();
        var (_, repClient) = await factory.PersonAsync("rep", team.Id);
        var (teammate, _) = await factory.PersonAsync("rep", team.Id);
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var (stranger, _) = await factory.PersonAsync("rep", other.Id);

        await (await repClient.GetAsync($"{Ramp}?userId={teammate.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"{Ramp}?userId={stranger.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"{Ramp}?teamId={other.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_start_date_out_of_range_is_400_naming_it_and_writes_nothing()
    {
        var team = await factory.TeamAsync();
        var (rep, _) = await factory.NamedAsync("rep", team.Id, "Una", "2025-03-01");
        using var admin = await factory.AdminClientAsync();

        var response = await admin.WithIfMatchAsync(HttpMethod.Put, $"/api/v1/users/{rep.Id}",
            new { displayName = "Una", role = "rep", teamId = team.Id, startedOn = "1969-12-31" }, rep.Version);

        Assert.Equal(["startedOn"], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var kept = await admin.WithIfMatchAsync(HttpMethod.Put, $"/api/v1/users/{rep.Id}", new { displayName = "Una", role = "rep", teamId = team.Id }, rep.Version);
        Assert.Equal(new DateOnly(2025, 3, 1), (await kept.ReadAsync<Application.People.UserDto>()).StartedOn);   // omitted: unchanged
    }

    [Theory]
    [InlineData(Ramp + "?cohort=week", "cohort")]
    [InlineData(Ramp + "?from=2025-02-01&to=2025-01-01", "to")]
    public async Task Bad_parameters_are_400_naming_the_parameter(string path, string field)
    {
        using var admin = await factory.AdminClientAsync();

        Assert.Contains(field, (await (await admin.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
