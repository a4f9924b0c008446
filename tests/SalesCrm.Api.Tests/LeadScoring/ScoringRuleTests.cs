using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Leads;
using SalesCrm.Application.LeadScoring;
using SalesCrm.Domain.LeadScoring;

namespace SalesCrm.Api.Tests.LeadScoring;

/// <summary>The organisation's scoring rules and settings: seeded defaults, admin management, and the ranges they accept.</summary>
public sealed class ScoringRuleTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_migration_seeds_the_metrics_md_rules_and_a_threshold_of_20_that_people_can_read()
    {
        await using var fresh = new ApiFactory();
        var (_, rep) = await fresh.PersonAsync("rep");

        var rules = await (await rep.GetAsync(LeadScoringApi.Rules)).ReadAsync<List<ScoringRuleDto>>();
        var settings = await (await rep.GetAsync(LeadScoringApi.Settings)).ReadAsync<ScoringSettingsDto>();

        Assert.Equal(
            [("email_clicked", 3), ("email_opened", 1), ("inaccurate_company_data", -5), ("matches_buyer_persona", 5), ("pricing_page_visit", 10)],
            rules.Select(r => (r.Type, r.Points)));
        Assert.Equal((20, LeadAssignmentRule.None, (Guid?)null, (Guid?)null), (settings.Threshold, settings.Assignment, settings.TeamId, settings.UserId));
    }

    [Fact]
    public async Task A_rule_change_applies_to_events_recorded_after_it()
    {
        using var admin = await factory.AdminClientAsync();
        await admin.PostAsJsonAsync(LeadScoringApi.Rules, new { type = "demo_requested", points = 8 });
        var (_, rep) = await factory.PersonAsync("rep");
        var lead = await rep.CreateLeadAsync();
        await rep.ScoreAsync(lead.Id, "demo_requested");

        var changed = await admin.WithIfMatchAsync(HttpMethod.Put, $"{LeadScoringApi.Rules}/demo_requested", new { points = 12 }, 1);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await rep.ScoreAsync(lead.Id, "demo_requested");

        // The first event keeps its 8; the second scores the new 12: 8 + 12 = 20.
        Assert.Equal([8, 12], (await rep.EventsAsync(lead.Id)).Select(e => e.Points));
        Assert.Equal(20, (await rep.LeadAsync(lead.Id)).Score);
    }

    [Fact]
    public async Task A_deleted_rule_refuses_new_events_and_keeps_recorded_ones()
    {
        using var admin = await factory.AdminClientAsync();
        await admin.PostAsJsonAsync(LeadScoringApi.Rules, new { type = "trade_show_visit", points = 4 });
        var (_, rep) = await factory.PersonAsync("rep");
        var lead = await rep.CreateLeadAsync();
        await rep.ScoreAsync(lead.Id, "trade_show_visit");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{LeadScoringApi.Rules}/trade_show_visit")).StatusCode);

        var refused = await rep.PostJsonAsync(LeadScoringApi.Events(lead.Id), new { type = "trade_show_visit" });
        Assert.Equal(["type"], (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(4, (await rep.LeadAsync(lead.Id)).Score);
        await (await admin.GetAsync($"{LeadScoringApi.Rules}/trade_show_visit")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_second_rule_for_a_type_is_409()
    {
        using var admin = await factory.AdminClientAsync();

        var again = await admin.PostAsJsonAsync(LeadScoringApi.Rules, new { type = "email_opened", points = 2 });

        Assert.Equal(["type"], (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ErrorFields());
    }

    [Theory]
    [InlineData("""{"type":"webinar","points":101}""", "points")]
    [InlineData("""{"type":"webinar","points":-101}""", "points")]
    [InlineData("""{"type":"Webinar Attended","points":5}""", "type")]
    [InlineData("""{"type":"","points":5}""", "type")]
    public async Task Absurd_rules_are_400_naming_the_field_and_write_nothing(string body, string field)
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsync(LeadScoringApi.Rules, ApiClientExtensions.JsonBody(body));

        Assert.Equal([field], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.DoesNotContain((await (await admin.GetAsync(LeadScoringApi.Rules)).ReadAsync<List<ScoringRuleDto>>()), r => r.Type.StartsWith("webinar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changing_a_rule_to_absurd_points_is_400()
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.WithIfMatchAsync(HttpMethod.Put, $"{LeadScoringApi.Rules}/email_clicked", new { points = 1000 }, 1);

        Assert.Equal(["points"], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(3, (await (await admin.GetAsync($"{LeadScoringApi.Rules}/email_clicked")).ReadAsync<ScoringRuleDto>()).Points);
    }

    [Theory]
    [InlineData(0, "none", false, false, "threshold")]
    [InlineData(1001, "none", false, false, "threshold")]
    [InlineData(20, "round_robin", false, false, "teamId")]
    [InlineData(20, "round_robin", false, true, "teamId")]
    [InlineData(20, "owner", false, false, "userId")]
    [InlineData(20, "owner", true, false, "userId")]
    public async Task Bad_settings_are_400_naming_the_field_and_write_nothing(int threshold, string assignment, bool unknownUser, bool unknownTeam, string field)
    {
        using var admin = await factory.AdminClientAsync();
        var before = await (await admin.GetAsync(LeadScoringApi.Settings)).ReadAsync<ScoringSettingsDto>();
        var body = new { threshold, assignment, userId = unknownUser ? Guid.NewGuid() : (Guid?)null, teamId = unknownTeam ? Guid.NewGuid() : (Guid?)null };

        var response = await admin.WithIfMatchAsync(HttpMethod.Put, LeadScoringApi.Settings, body, before.Version);

        Assert.Equal([field], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(before, await (await admin.GetAsync(LeadScoringApi.Settings)).ReadAsync<ScoringSettingsDto>());
    }

    [Fact]
    public async Task Settings_changes_need_the_current_version()
    {
        var team = await factory.TeamAsync();
        using var admin = await factory.AdminClientAsync();
        var before = await (await admin.GetAsync(LeadScoringApi.Settings)).ReadAsync<ScoringSettingsDto>();

        var changed = await admin.WithIfMatchAsync(HttpMethod.Put, LeadScoringApi.Settings,
            new { threshold = 35, assignment = "round_robin", teamId = team.Id }, before.Version);
        var stale = await admin.WithIfMatchAsync(HttpMethod.Put, LeadScoringApi.Settings, new { threshold = 40 }, before.Version);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var settings = await changed.ReadAsync<ScoringSettingsDto>();
        Assert.Equal((35, LeadAssignmentRule.RoundRobin, team.Id, (Guid?)null), (settings.Threshold, settings.Assignment, settings.TeamId, settings.UserId));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }
}
