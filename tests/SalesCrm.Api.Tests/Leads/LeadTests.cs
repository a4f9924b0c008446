using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.SalesDirectory;
using SalesCrm.Application.Leads;
using SalesCrm.Domain.Leads;

namespace SalesCrm.Api.Tests.Leads;

public sealed class LeadTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Creating_a_lead_returns_201_new_and_owned_by_the_caller()
    {
        var (rep, client) = await factory.PersonAsync("rep");

        var response = await client.PostAsJsonAsync("/api/v1/leads",
            new { name = "Ada Lovelace", company = "Analytical Engines", email = "ada@engines.example", phone = "+44 20 0000", source = "webinar" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var lead = await response.ReadAsync<LeadDto>();
        Assert.Equal((LeadStatus.New, rep.Id, "webinar", 1), (lead.Status, lead.OwnerId, lead.Source, lead.Version));
        Assert.Null(lead.ConvertedAt);
        Assert.Equal($"/api/v1/leads/{lead.Id}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal(lead, await (await client.GetAsync($"/api/v1/leads/{lead.Id}")).ReadAsync<LeadDto>());
    }

    [Fact]
    public async Task A_lead_can_be_imported_disqualified_and_back_dated()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var at = new DateTimeOffset(2023, 6, 1, 8, 30, 0, TimeSpan.Zero);

        var lead = await client.CreateLeadAsync(extra: new { status = "disqualified", disqualificationReason = "No budget", occurredAt = at });

        Assert.Equal((LeadStatus.Disqualified, "No budget", at), (lead.Status, lead.DisqualificationReason, lead.CreatedAt));
    }

    [Theory]
    [InlineData("""{"company":"X"}""", "name")]
    [InlineData("""{"name":"A","status":"disqualified"}""", "disqualificationReason")]
    [InlineData("""{"name":"A","status":"working","disqualificationReason":"Why"}""", "disqualificationReason")]
    [InlineData("""{"name":"A","disqualificationReason":"Why"}""", "disqualificationReason")]
    [InlineData("""{"name":"A","status":"converted"}""", "status")]
    [InlineData("""{"name":"A","status":"won"}""", "status")]
    [InlineData("""{"name":"A","email":"nope"}""", "email")]
    [InlineData("""{"name":"A","occurredAt":"2999-01-01T00:00:00Z"}""", "occurredAt")]
    public async Task Bad_input_is_400_naming_the_field(string body, string field)
    {
        var (_, client) = await factory.PersonAsync("rep");

        var response = await client.PostAsync("/api/v1/leads", ApiClientExtensions.JsonBody(body));

        Assert.Contains(field, (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Leads_are_scoped_to_owner_team_and_admins_and_anything_else_is_404()
    {
        var people = await factory.TeamPeopleAsync();
        var other = await factory.TeamPeopleAsync();
        using var admin = await factory.AdminClientAsync();
        var (_, integration) = await factory.IntegrationAsync("opportunities:write");
        var (_, directoryOnly) = await factory.IntegrationAsync("directory:read");
        var lead = await people.Rep.Client.CreateLeadAsync();
        var path = $"/api/v1/leads/{lead.Id}";

        foreach (var allowed in new[] { people.Rep.Client, people.Manager.Client, admin, integration })
        {
            Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync(path)).StatusCode);
        }

        foreach (var outsider in new[] { people.OtherRep.Client, other.Manager.Client, other.Rep.Client })
        {
            await (await outsider.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await outsider.PutAsync(path, new { name = "X", status = "working" }, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await outsider.DeleteAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await outsider.PostGuardedAsync($"{path}/convert", LeadsApi.Conversion(), 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        await (await directoryOnly.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await directoryOnly.GetAsync("/api/v1/leads")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Integrations_with_opportunities_write_create_leads_for_a_named_owner()
    {
        var (rep, _) = await factory.PersonAsync("rep");
        var (_, integration) = await factory.IntegrationAsync("opportunities:write");
        var (_, activities) = await factory.IntegrationAsync("activities:write");

        var noOwner = await integration.PostAsJsonAsync("/api/v1/leads", new { name = "Web Form" });
        var owned = await integration.PostAsJsonAsync("/api/v1/leads", new { name = "Web Form", ownerId = rep.Id, source = "form" });
        var refused = await activities.PostAsJsonAsync("/api/v1/leads", new { name = "Web Form", ownerId = rep.Id });

        Assert.Equal(["ownerId"], (await noOwner.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(rep.Id, (await owned.ReadAsync<LeadDto>()).OwnerId);
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Updates_change_status_with_reasons_and_need_the_current_etag()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var lead = await client.CreateLeadAsync();
        var path = $"/api/v1/leads/{lead.Id}";

        await (await client.PutAsync(path, new { name = "Ada", status = "working" }, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var working = await client.PutAsync(path, new { name = "Ada", status = "working", company = "Engines" }, 1);
        var stale = await client.PutAsync(path, new { name = "Lost", status = "qualified" }, 1);
        var noReason = await client.PutAsync(path, new { name = "Ada", status = "disqualified" }, 2);
        var toConverted = await client.PutAsync(path, new { name = "Ada", status = "converted" }, 2);
        var ownerInBody = await client.PutAsync(path, new { name = "Ada", status = "working", ownerId = Guid.NewGuid() }, 2);
        var disqualified = await client.PutAsync(path, new { name = "Ada", status = "disqualified", disqualificationReason = "Competitor" }, 2);
        var requalified = await client.PutAsync(path, new { name = "Ada", status = "qualified" }, 3);

        var afterWorking = await working.ReadAsync<LeadDto>();
        Assert.Equal((LeadStatus.Working, "Engines"), (afterWorking.Status, afterWorking.Company));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(["disqualificationReason"], (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["status"], (await toConverted.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await ownerInBody.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Competitor", (await disqualified.ReadAsync<LeadDto>()).DisqualificationReason);
        var final = await requalified.ReadAsync<LeadDto>();
        Assert.Equal((LeadStatus.Qualified, (string?)null, 4), (final.Status, final.DisqualificationReason, final.Version));
        Assert.Equal("\"4\"", requalified.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Managers_reassign_their_teams_leads_and_reps_cannot()
    {
        var people = await factory.TeamPeopleAsync();
        var other = await factory.TeamPeopleAsync();
        var lead = await people.Rep.Client.CreateLeadAsync();
        var path = $"/api/v1/leads/{lead.Id}/owner";

        await (await people.Rep.Client.PostGuardedAsync(path, new { ownerId = people.OtherRep.User.Id }, 1)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await other.Manager.Client.PostGuardedAsync(path, new { ownerId = other.Rep.User.Id }, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var outside = await people.Manager.Client.PostGuardedAsync(path, new { ownerId = other.Rep.User.Id }, 1);
        Assert.Equal(["ownerId"], (await outside.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await (await people.Manager.Client.PostGuardedAsync(path, new { ownerId = people.OtherRep.User.Id }, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        var moved = await people.Manager.Client.PostGuardedAsync(path, new { ownerId = people.OtherRep.User.Id }, 1);

        var reassigned = await moved.ReadAsync<LeadDto>();
        Assert.Equal((people.OtherRep.User.Id, 2), (reassigned.OwnerId, reassigned.Version));
        await (await people.Rep.Client.GetAsync($"/api/v1/leads/{lead.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await people.OtherRep.Client.GetAsync($"/api/v1/leads/{lead.Id}")).StatusCode);
        await (await people.Manager.Client.PostGuardedAsync(path, new { ownerId = people.Rep.User.Id }, 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Lists_show_only_the_callers_scope()
    {
        var people = await factory.TeamPeopleAsync();
        var other = await factory.TeamPeopleAsync();
        using var admin = await factory.AdminClientAsync();
        var tag = Guid.NewGuid().ToString("N");
        var mine = await people.Rep.Client.CreateLeadAsync($"{tag} Mine", new { occurredAt = At(1) });
        var teammate = await people.OtherRep.Client.CreateLeadAsync($"{tag} Teammate", new { occurredAt = At(2) });
        var stranger = await other.Rep.Client.CreateLeadAsync($"{tag} Stranger", new { occurredAt = At(3) });

        Assert.Equal([mine.Id], await people.Rep.Client.AllIdsAsync($"/api/v1/leads?q={tag}"));
        Assert.Equal([teammate.Id, mine.Id], await people.Manager.Client.AllIdsAsync($"/api/v1/leads?q={tag}"));
        Assert.Empty(await people.Manager.Client.AllIdsAsync($"/api/v1/leads?q={tag}&teamId={other.Team.Id}"));
        Assert.Equal([stranger.Id, teammate.Id, mine.Id], await admin.AllIdsAsync($"/api/v1/leads?q={tag}&limit=1"));
        Assert.Equal([stranger.Id], await admin.AllIdsAsync($"/api/v1/leads?q={tag}&teamId={other.Team.Id}"));
        Assert.Equal([teammate.Id], await admin.AllIdsAsync($"/api/v1/leads?q={tag}&ownerId={people.OtherRep.User.Id}"));
    }

    [Fact]
    public async Task Lists_filter_by_status_source_text_and_creation_time_and_sort_by_name()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var tag = Guid.NewGuid().ToString("N");
        var charlie = await client.CreateLeadAsync($"{tag} charlie", new { source = "Webinar", occurredAt = At(1) });
        var alpha = await client.CreateLeadAsync($"{tag} Alpha", new { source = "referral", status = "working", occurredAt = At(2) });
        var bravo = await client.CreateLeadAsync($"{tag} bravo", new { email = $"bravo@{tag}.example", status = "disqualified", disqualificationReason = "Spam", occurredAt = At(3) });

        Assert.Equal([alpha.Id], await client.AllIdsAsync($"/api/v1/leads?q={tag}&status=working"));
        Assert.Equal([bravo.Id], await client.AllIdsAsync($"/api/v1/leads?q={tag}&status=disqualified"));
        Assert.Equal([charlie.Id], await client.AllIdsAsync($"/api/v1/leads?q={tag}&source=webinar"));
        Assert.Equal([alpha.Id], await client.AllIdsAsync($"/api/v1/leads?q={tag}&createdFrom={Uri.EscapeDataString(At(2).ToString("O"))}&createdTo={Uri.EscapeDataString(At(3).ToString("O"))}"));
        Assert.Equal([bravo.Id], await client.AllIdsAsync($"/api/v1/leads?q={Uri.EscapeDataString($"@{tag}.EXAMPLE")}"));
        Assert.Equal([alpha.Id, bravo.Id, charlie.Id], await client.AllIdsAsync($"/api/v1/leads?q={tag}&sort=name&limit=2"));
        Assert.Equal([bravo.Id, alpha.Id, charlie.Id], await client.AllIdsAsync($"/api/v1/leads?q={tag}&limit=2"));
        Assert.Equal(["status"], (await (await client.GetAsync("/api/v1/leads?status=Working")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Deleted_leads_answer_404_and_the_owners_manager_restores_them()
    {
        var people = await factory.TeamPeopleAsync();
        var other = await factory.TeamPeopleAsync();
        var lead = await people.Rep.Client.CreateLeadAsync();
        var path = $"/api/v1/leads/{lead.Id}";

        Assert.Equal(HttpStatusCode.NoContent, (await people.Rep.Client.DeleteAsync(path)).StatusCode);
        await (await people.Rep.Client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await people.Manager.Client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(lead.Id, await people.Manager.Client.AllIdsAsync("/api/v1/leads"));
        await (await people.Rep.Client.PostAsync($"{path}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await other.Manager.Client.PostAsync($"{path}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(people.Rep.User.Id.ToString(), await factory.ScalarAsync<string>(
            "SELECT deleted_by FROM leads WHERE id = @id AND deleted_at IS NOT NULL", ("@id", lead.Id.ToString())));

        var restored = await people.Manager.Client.PostAsync($"{path}/restore", null);

        Assert.Equal(3, (await restored.ReadAsync<LeadDto>()).Version);
        Assert.Equal(HttpStatusCode.OK, (await people.Rep.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Idempotent_creates_replay_and_external_ids_upsert()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var (_, sync) = await factory.IntegrationAsync("opportunities:write");
        var key = Guid.NewGuid().ToString();
        var externalId = $"mkto-{Guid.NewGuid():N}";

        var first = await client.SendAsync(Keyed(new { name = "Keyed Lead" }, key));
        var replay = await client.SendAsync(Keyed(new { name = "Keyed Lead" }, key));
        var upserted = await sync.PostAsJsonAsync("/api/v1/leads", new { name = "Synced Lead", ownerId = rep.Id, externalId });
        var again = await sync.PostAsJsonAsync("/api/v1/leads", new { name = "Synced Lead (changed)", ownerId = rep.Id, externalId });

        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.ReadAsync<LeadDto>()).Id, (await replay.ReadAsync<LeadDto>()).Id);
        Assert.Equal(HttpStatusCode.Created, upserted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var existing = await again.ReadAsync<LeadDto>();
        Assert.Equal(await upserted.ReadAsync<LeadDto>(), existing);
        Assert.Equal("Synced Lead", existing.Name);
    }

    private static DateTimeOffset At(int day) => new(2024, 1, day, 12, 0, 0, TimeSpan.Zero);

    private static HttpRequestMessage Keyed(object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/leads") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
