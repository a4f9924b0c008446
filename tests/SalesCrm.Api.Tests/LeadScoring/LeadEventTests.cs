using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Leads;
using SalesCrm.Api.Tests.SalesDirectory;
using SalesCrm.Infrastructure.Data;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;

namespace SalesCrm.Api.Tests.LeadScoring;

/// <summary>
/// Scoring events on leads with the seeded rules (pricing_page_visit +10, email_opened +1, email_clicked +3,
/// inaccurate_company_data −5, matches_buyer_persona +5). The settings are organisation-wide, so each test that scores
/// a lead sets the threshold and assignment it relies on.
/// </summary>
public sealed class LeadEventTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_score_is_the_sum_of_the_events_points()
    {
        await factory.SetScoringAsync(threshold: 20);
        var (_, rep) = await factory.PersonAsync("rep");
        var lead = await rep.CreateLeadAsync();

        var types = new[] { "pricing_page_visit", "email_opened", "email_clicked", "inaccurate_company_data" };
        for (var i = 0; i < types.Length; i++)
        {
            await rep.ScoreAsync(lead.Id, types[i], new { occurredAt = Utc("2025-02-01T10:00:00Z").AddMinutes(i) });
        }

        // 10 + 1 + 3 − 5 = 9, below the threshold of 20; running totals 10, 11, 14, 9.
        var scored = await rep.LeadAsync(lead.Id);
        Assert.Equal(9, scored.Score);
        Assert.Null(scored.SalesQualifiedAt);
        var events = await rep.EventsAsync(lead.Id);
        Assert.Equal([(10, 10), (1, 11), (3, 14), (-5, 9)], events.Select(e => (e.Points, e.ScoreAfter)));
    }

    [Fact]
    public async Task Events_list_oldest_first_with_the_score_after_each()
    {
        await factory.SetScoringAsync(threshold: 20);
        var (_, rep) = await factory.PersonAsync("rep");
        var lead = await rep.CreateLeadAsync();

        await rep.ScoreAsync(lead.Id, "email_clicked", new { occurredAt = Utc("2025-03-02T00:00:00Z") });
        await rep.ScoreAsync(lead.Id, "email_opened", new { occurredAt = Utc("2025-03-01T00:00:00Z") });

        // Recorded clicked (+3 → 3) then opened (+1 → 4); listed by occurredAt: opened first.
        var events = await rep.EventsAsync(lead.Id);
        Assert.Equal([("email_opened", 1, 4), ("email_clicked", 3, 3)], events.Select(e => (e.Type, e.Points, e.ScoreAfter)));
    }

    [Fact]
    public async Task Crossing_the_threshold_qualifies_and_assigns_once_even_when_crossing_again_after_a_dip()
    {
        var team = await factory.TeamAsync();
        var (closer, _) = await factory.PersonAsync("rep", team.Id);
        var (rep, repClient) = await factory.PersonAsync("rep", team.Id);
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        await factory.SetScoringAsync(threshold: 20, assignment: "owner", userId: closer.Id);
        var lead = await repClient.CreateLeadAsync();

        var first = await repClient.ScoreAsync(lead.Id, "pricing_page_visit", new { occurredAt = Utc("2025-04-01T09:00:00Z") });
        var crossing = await repClient.ScoreAsync(lead.Id, "pricing_page_visit", new { occurredAt = Utc("2025-04-01T10:00:00Z") });

        // 10 (below 20), then 20: crossed, qualified at the crossing event's time and given to the named owner.
        Assert.False(first.Qualified);
        Assert.True(crossing.Qualified);
        Assert.Equal(closer.Id, crossing.Lead.OwnerId);
        Assert.Equal(Utc("2025-04-01T10:00:00Z"), crossing.Lead.SalesQualifiedAt);

        var back = await manager.WithIfMatchAsync(HttpMethod.Post, $"/api/v1/leads/{lead.Id}/owner", new { ownerId = rep.Id }, crossing.Lead.Version);
        Assert.True(back.StatusCode == HttpStatusCode.OK, await back.Content.ReadAsStringAsync());
        var dip = await repClient.ScoreAsync(lead.Id, "inaccurate_company_data");
        var again = await repClient.ScoreAsync(lead.Id, "matches_buyer_persona");

        // 20 − 5 = 15, then 15 + 5 = 20 again: no second qualification, the owner stays the rep.
        Assert.Equal((15, false), (dip.Event.ScoreAfter, dip.Qualified));
        Assert.Equal((20, false), (again.Event.ScoreAfter, again.Qualified));
        Assert.Equal(rep.Id, again.Lead.OwnerId);
        Assert.Equal(Utc("2025-04-01T10:00:00Z"), again.Lead.SalesQualifiedAt);
    }

    [Fact]
    public async Task A_lead_already_above_a_lowered_threshold_qualifies_at_its_next_event_that_adds_points()
    {
        var team = await factory.TeamAsync();
        var (closer, _) = await factory.PersonAsync("rep", team.Id);
        var (_, repClient) = await factory.PersonAsync("rep", team.Id);
        await factory.SetScoringAsync(threshold: 30, assignment: "owner", userId: closer.Id);
        var lead = await repClient.CreateLeadAsync();
        await repClient.ScoreAsync(lead.Id, "pricing_page_visit");
        var twenty = await repClient.ScoreAsync(lead.Id, "pricing_page_visit"); // 10 + 10 = 20, below 30

        await factory.SetScoringAsync(threshold: 15, assignment: "owner", userId: closer.Id);
        var unchanged = await repClient.LeadAsync(lead.Id);
        var minus = await repClient.ScoreAsync(lead.Id, "inaccurate_company_data", new { occurredAt = Utc("2025-05-02T09:00:00Z") });
        var plus = await repClient.ScoreAsync(lead.Id, "matches_buyer_persona", new { occurredAt = Utc("2025-05-03T09:00:00Z") });

        // Lowering the threshold to 15 qualifies nothing by itself (20 ≥ 15, but no event); −5 → 15 takes points away: not
        // qualified; +5 → 20 adds points at or above 15: qualified at its time and given to the named owner.
        Assert.Equal((20, false), (twenty.Event.ScoreAfter, twenty.Qualified));
        Assert.Null(unchanged.SalesQualifiedAt);
        Assert.Equal((15, false), (minus.Event.ScoreAfter, minus.Qualified));
        Assert.Equal((20, true), (plus.Event.ScoreAfter, plus.Qualified));
        Assert.Equal((closer.Id, Utc("2025-05-03T09:00:00Z")), (plus.Lead.OwnerId, plus.Lead.SalesQualifiedAt));
    }

    [Fact]
    public async Task Round_robin_gives_qualified_leads_to_the_teams_active_reps_in_the_order_their_accounts_were_created()
    {
        var team = await factory.TeamAsync();
        var (a, b, c) = ((await factory.PersonAsync("rep", team.Id)).User.Id, (await factory.PersonAsync("rep", team.Id)).User.Id,
            (await factory.PersonAsync("rep", team.Id)).User.Id);
        // Ids are version-7 UUIDs, so in these tests id order is also creation order; to tell the two apart the accounts
        // are given creation instants in another order: c, then a, then b.
        await CreatedAtAsync(c, Utc("2024-01-01T00:00:00Z"));
        await CreatedAtAsync(a, Utc("2024-02-01T00:00:00Z"));
        await CreatedAtAsync(b, Utc("2024-03-01T00:00:00Z"));
        await factory.PersonAsync("manager", team.Id);
        await factory.SetScoringAsync(threshold: 15, assignment: "round_robin", teamId: team.Id);
        using var admin = await factory.AdminClientAsync();

        var owners = await QualifyAsync(admin, 4);

        // 10 + 5 = 15 reaches the threshold each time; turns follow creation (c, a, b), the manager never gets one, and
        // the fourth lead wraps round to c.
        Assert.Equal([c, a, b, c], owners);
    }

    [Fact]
    public async Task When_the_rep_served_last_is_deactivated_the_turn_passes_to_the_next_one()
    {
        var team = await factory.TeamAsync();
        var (a, b, c) = ((await factory.PersonAsync("rep", team.Id)).User.Id, (await factory.PersonAsync("rep", team.Id)).User.Id,
            (await factory.PersonAsync("rep", team.Id)).User.Id);
        await factory.SetScoringAsync(threshold: 15, assignment: "round_robin", teamId: team.Id);
        using var admin = await factory.AdminClientAsync();

        var first = await QualifyAsync(admin, 2);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{b}/deactivate", null)).StatusCode);
        var then = await QualifyAsync(admin, 2);

        // a, b; b (served last) leaves the rotation: c comes after b, then the turns wrap round to a.
        Assert.Equal([a, b, c, a], [.. first, .. then]);
    }

    [Fact]
    public async Task Round_robin_skips_deactivated_reps()
    {
        var team = await factory.TeamAsync();
        var (inactive, _) = await factory.PersonAsync("rep", team.Id);
        var (active, _) = await factory.PersonAsync("rep", team.Id);
        using var admin = await factory.AdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{inactive.Id}/deactivate", null)).StatusCode);
        await factory.SetScoringAsync(threshold: 10, assignment: "round_robin", teamId: team.Id);

        var owners = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            owners.Add((await admin.ScoreAsync((await admin.CreateLeadAsync($"Lead {i}")).Id, "pricing_page_visit")).Lead.OwnerId);
        }

        // The rep added first, first in turn, is inactive: both leads (10 ≥ 10) go to the other one.
        Assert.Equal([active.Id, active.Id], owners);
    }

    [Fact]
    public async Task With_no_assignment_rule_the_owner_stays()
    {
        await factory.SetScoringAsync(threshold: 10);
        var (rep, client) = await factory.PersonAsync("rep");
        var lead = await client.CreateLeadAsync();

        var recorded = await client.ScoreAsync(lead.Id, "pricing_page_visit");

        Assert.True(recorded.Qualified);
        Assert.Equal(rep.Id, recorded.Lead.OwnerId);
    }

    [Fact]
    public async Task Ten_parallel_events_on_one_lead_all_count()
    {
        await factory.SetScoringAsync(threshold: 20);
        var (_, rep) = await factory.PersonAsync("rep");
        var lead = await rep.CreateLeadAsync();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => rep.ScoreAsync(lead.Id, "email_clicked")));

        // 10 × 3 = 30; each event saw its own running total (3, 6, …, 30) and exactly one crossed 20 (at 21).
        var events = await rep.EventsAsync(lead.Id);
        Assert.Equal(30, (await rep.LeadAsync(lead.Id)).Score);
        Assert.Equal([3, 6, 9, 12, 15, 18, 21, 24, 27, 30], events.Select(e => e.ScoreAfter).Order());
        Assert.NotNull((await rep.LeadAsync(lead.Id)).SalesQualifiedAt);
    }

    [Fact]
    public async Task A_replayed_idempotency_key_or_a_known_external_id_does_not_score_twice()
    {
        await factory.SetScoringAsync(threshold: 20);
        var (_, rep) = await factory.PersonAsync("rep");
        var lead = await rep.CreateLeadAsync();
        var key = Guid.NewGuid().ToString();

        var first = await rep.PostJsonAsync(LeadScoringApi.Events(lead.Id), new { type = "email_clicked" }, key);
        var replay = await rep.PostJsonAsync(LeadScoringApi.Events(lead.Id), new { type = "email_clicked" }, key);
        var external = await rep.PostJsonAsync(LeadScoringApi.Events(lead.Id), new { type = "email_opened", externalId = "mail-42" });
        var externalAgain = await rep.PostJsonAsync(LeadScoringApi.Events(lead.Id), new { type = "email_opened", externalId = "mail-42" });

        Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.OK],
            new[] { first, replay, external, externalAgain }.Select(r => r.StatusCode));
        // 3 (once) + 1 (once) = 4.
        Assert.Equal(4, (await rep.LeadAsync(lead.Id)).Score);
        Assert.Equal(2, (await rep.EventsAsync(lead.Id)).Count);
    }

    [Fact]
    public async Task A_lead_outside_the_callers_scope_is_404()
    {
        var (_, owner) = await factory.PersonAsync("rep", (await factory.TeamAsync()).Id);
        var (_, stranger) = await factory.PersonAsync("rep", (await factory.TeamAsync()).Id);
        var lead = await owner.CreateLeadAsync();

        await (await stranger.PostJsonAsync(LeadScoringApi.Events(lead.Id), new { type = "email_opened" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync(LeadScoringApi.Events(lead.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await owner.PostJsonAsync(LeadScoringApi.Events(Guid.NewGuid()), new { type = "email_opened" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await owner.LeadAsync(lead.Id)).Score);
    }

    [Fact]
    public async Task Marketing_automation_with_opportunities_write_records_events_and_metrics_read_cannot()
    {
        await factory.SetScoringAsync(threshold: 20);
        var (_, rep) = await factory.PersonAsync("rep");
        var lead = await rep.CreateLeadAsync();
        using var automation = await factory.ActivityIntegrationAsync("opportunities:write");
        using var reader = await factory.ActivityIntegrationAsync("metrics:read");

        await automation.ScoreAsync(lead.Id, "pricing_page_visit");

        await (await reader.PostJsonAsync(LeadScoringApi.Events(lead.Id), new { type = "email_opened" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(10, (await rep.LeadAsync(lead.Id)).Score);
    }

    [Theory]
    [InlineData("""{"type":"webinar_attended"}""", "type")]
    [InlineData("""{"type":"Pricing Page"}""", "type")]
    [InlineData("""{}""", "type")]
    [InlineData("""{"type":"email_opened","occurredAt":"2999-01-01T00:00:00Z"}""", "occurredAt")]
    [InlineData("""{"type":"email_opened","externalId":"   "}""", "externalId")]
    public async Task Bad_input_is_400_naming_the_field_and_writes_nothing(string body, string field)
    {
        var (_, rep) = await factory.PersonAsync("rep");
        var lead = await rep.CreateLeadAsync();

        var response = await rep.PostAsync(LeadScoringApi.Events(lead.Id), ApiClientExtensions.JsonBody(body));

        Assert.Equal([field], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(0, (await rep.LeadAsync(lead.Id)).Score);
        Assert.Empty(await rep.EventsAsync(lead.Id));
    }

    /// <summary>Leads that reach the threshold of 15 (10 + 5) one after another: the owner each is assigned to.</summary>
    private static async Task<List<Guid>> QualifyAsync(HttpClient admin, int leads)
    {
        var owners = new List<Guid>();
        for (var i = 0; i < leads; i++)
        {
            var lead = await admin.CreateLeadAsync($"Lead {i}");
            await admin.ScoreAsync(lead.Id, "pricing_page_visit");
            owners.Add((await admin.ScoreAsync(lead.Id, "matches_buyer_persona")).Lead.OwnerId);
        }

        return owners;
    }

    /// <summary>
    /// Sets when a user's account was created. The API stamps it with the time of the request and has no way to change
    /// it, so this writes the database file the API runs on.
    /// </summary>
    private async Task CreatedAtAsync(Guid userId, DateTimeOffset createdAt)
    {
        var connections = factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteAsync("UPDATE users SET created_at = @CreatedAt WHERE id = @UserId", new { CreatedAt = createdAt, UserId = userId }));
    }
}
