using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Pipelines;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Opportunities;
using static SalesCrm.Api.Tests.Pipelines.PipelinesApi;

namespace SalesCrm.Api.Tests.Opportunities;

public sealed class OpportunityTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_new_opportunity_starts_in_the_default_pipelines_first_stage_owned_by_the_caller()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();

        var response = await client.PostAsJsonAsync("/api/v1/opportunities",
            new { name = "  Acme renewal ", accountId = account, amount = 12500.5m, expectedCloseDate = "2031-03-31", competitor = "Globex" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var deal = await response.ReadAsync<OpportunityDto>();
        Assert.Equal($"/api/v1/opportunities/{deal.Id}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal(("Acme renewal", rep.Id, rep.Id, DefaultPipelineId, Discovery, "Discovery", 10), (deal.Name, deal.OwnerId, deal.CreatedBy, deal.PipelineId, deal.StageId, deal.StageName, deal.StageProbability));
        Assert.Equal((12500.5m, new DateOnly(2031, 3, 31), "Globex"), (deal.Amount, deal.ExpectedCloseDate, deal.Competitor));
        Assert.Equal(deal.CreatedAt, deal.StageEnteredAt);
        Assert.Null(deal.ClosedAt);
        Assert.Null(deal.Outcome);
        Assert.Equivalent(deal, await client.OpportunityAsync(deal.Id));

        var history = await (await client.GetAsync($"/api/v1/opportunities/{deal.Id}/stage-moves")).ReadAsync<Page<StageMoveDto>>();
        var creation = Assert.Single(history.Items);
        Assert.Equal((null, Discovery, "Discovery", deal.CreatedAt, rep.Id), (creation.FromStageId, creation.ToStageId, creation.ToStageName, creation.OccurredAt, creation.MovedBy));
    }

    [Fact]
    public async Task The_pipeline_and_stage_can_be_chosen()
    {
        var pipeline = await factory.CreatePipelineAsync("Intro", "Pitch");
        using var admin = await factory.AdminClientAsync();
        var account = await factory.AccountAsync();

        var firstStage = await admin.CreateOpportunityAsync(account, new { pipelineId = pipeline.Id });
        var byStage = await admin.CreateOpportunityAsync(account, new { stageId = pipeline.Stages[1].Id });
        var both = await admin.CreateOpportunityAsync(account, new { pipelineId = DefaultPipelineId, stageId = Trial });

        Assert.Equal((pipeline.Id, pipeline.Stages[0].Id), (firstStage.PipelineId, firstStage.StageId));
        Assert.Equal((pipeline.Id, pipeline.Stages[1].Id), (byStage.PipelineId, byStage.StageId));
        Assert.Equal((DefaultPipelineId, Trial, 60), (both.PipelineId, both.StageId, both.StageProbability));
    }

    [Fact]
    public async Task Unknown_closed_archived_or_foreign_starting_stages_are_400()
    {
        var pipeline = await factory.CreatePipelineAsync("A", "B");
        using var admin = await factory.AdminClientAsync();
        await admin.PostAsync($"/api/v1/pipelines/{pipeline.Id}/stages/{pipeline.Stages[0].Id}/archive", null);
        var account = await factory.AccountAsync();

        async Task<string[]> Fields(object extra)
        {
            var body = new Dictionary<string, object?> { ["name"] = "X", ["accountId"] = account, ["amount"] = 1 };
            foreach (var p in extra.GetType().GetProperties())
            {
                body[p.Name] = p.GetValue(extra);
            }

            return (await (await admin.PostAsJsonAsync("/api/v1/opportunities", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields();
        }

        Assert.Equal(["stageId"], await Fields(new { stageId = Guid.NewGuid() }));
        Assert.Equal(["stageId"], await Fields(new { stageId = Won }));
        Assert.Equal(["stageId"], await Fields(new { stageId = pipeline.Stages[0].Id }));
        Assert.Equal(["stageId"], await Fields(new { pipelineId = pipeline.Id, stageId = Demo }));
        Assert.Equal(["pipelineId"], await Fields(new { pipelineId = Guid.NewGuid() }));
        Assert.Equal(pipeline.Stages[1].Id, (await admin.CreateOpportunityAsync(account, new { pipelineId = pipeline.Id })).StageId);
    }

    [Theory]
    [InlineData("""{"name":"X","accountId":"@","amount":-1}""", "amount")]
    [InlineData("""{"name":"X","accountId":"@","amount":1000000000000.0001}""", "amount")]
    [InlineData("""{"name":"X","accountId":"@","amount":1.00001}""", "amount")]
    [InlineData("""{"name":"X","accountId":"@","amount":"100"}""", "amount")]
    [InlineData("""{"name":"X","accountId":"@"}""", "amount")]
    [InlineData("""{"name":"X","amount":1}""", "accountId")]
    [InlineData("""{"name":"X","accountId":"00000000-0000-0000-0000-000000000000","amount":1}""", "accountId")]
    [InlineData("""{"name":"X","accountId":"0190f1a0-0000-7000-8000-00000000dead","amount":1}""", "accountId")]
    [InlineData("""{"name":" ","accountId":"@","amount":1}""", "name")]
    [InlineData("""{"name":"X","accountId":"@","amount":1,"expectedCloseDate":"3000-01-01"}""", "expectedCloseDate")]
    [InlineData("""{"name":"X","accountId":"@","amount":1,"expectedCloseDate":"31/12/2030"}""", "expectedCloseDate")]
    [InlineData("""{"name":"X","accountId":"@","amount":1,"occurredAt":"2999-01-01T00:00:00Z"}""", "occurredAt")]
    [InlineData("""{"name":"X","accountId":"@","amount":1,"externalId":" "}""", "externalId")]
    [InlineData("""{"name":"X","accountId":"@","amount":1,"stage":"won"}""", "stage")]
    [InlineData("""{"name":"X","accountId":"@","amount":1,"primaryContactId":"0190f1a0-0000-7000-8000-00000000dead"}""", "primaryContactId")]
    [InlineData("""{"name":"X","accountId":"@","amount":1,"leadId":"0190f1a0-0000-7000-8000-00000000dead"}""", "leadId")]
    [InlineData("""{"name":"X","accountId":"@","amount":1,"ownerId":"0190f1a0-0000-7000-8000-00000000dead"}""", "ownerId")]
    public async Task Bad_input_is_400_naming_the_field_and_creates_nothing(string body, string field)
    {
        using var admin = await factory.AdminClientAsync();
        var account = await factory.AccountAsync();
        var before = await factory.ScalarSqlAsync("SELECT COUNT(*) FROM opportunities");

        var response = await admin.PostAsync("/api/v1/opportunities", ApiClientExtensions.JsonBody(body.Replace("\"@\"", $"\"{account}\"", StringComparison.Ordinal)));

        Assert.Equal([field], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(before, await factory.ScalarSqlAsync("SELECT COUNT(*) FROM opportunities"));
    }

    [Theory]
    [InlineData("name", 201)]
    [InlineData("competitor", 201)]
    [InlineData("externalId", 201)]
    public async Task Strings_over_200_characters_are_400(string field, int length)
    {
        using var admin = await factory.AdminClientAsync();
        var body = new Dictionary<string, object?> { ["name"] = "X", ["accountId"] = await factory.AccountAsync(), ["amount"] = 1, [field] = new string('x', length) };

        var response = await admin.PostAsJsonAsync("/api/v1/opportunities", body);

        Assert.Equal([field], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Amounts_keep_four_decimal_places_and_reach_a_trillion()
    {
        using var admin = await factory.AdminClientAsync();
        var account = await factory.AccountAsync();

        var small = await admin.CreateOpportunityAsync(account, new { amount = 0.0001m });
        var large = await admin.CreateOpportunityAsync(account, new { amount = 1_000_000_000_000m });

        Assert.Equal(0.0001m, (await admin.OpportunityAsync(small.Id)).Amount);
        Assert.Equal(1_000_000_000_000m, (await admin.OpportunityAsync(large.Id)).Amount);
    }

    [Fact]
    public async Task A_past_occurredAt_is_the_creation_time_and_the_first_history_entry()
    {
        using var admin = await factory.AdminClientAsync();
        var at = DateTimeOffset.UtcNow.AddDays(-40).AddTicks(-DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerSecond);

        var deal = await admin.CreateOpportunityAsync(await factory.AccountAsync(), new { occurredAt = at });
        var history = await (await admin.GetAsync($"/api/v1/opportunities/{deal.Id}/stage-moves")).ReadAsync<Page<StageMoveDto>>();

        Assert.Equal(at.ToUnixTimeMilliseconds(), deal.CreatedAt.ToUnixTimeMilliseconds());
        Assert.Equal(deal.CreatedAt, deal.StageEnteredAt);
        var creation = Assert.Single(history.Items);
        Assert.Equal(deal.CreatedAt, creation.OccurredAt);
        Assert.True(creation.RecordedAt > creation.OccurredAt);
        Assert.InRange(creation.DaysInStage!.Value, 39.9, 40.1);
    }

    [Fact]
    public async Task A_known_externalId_returns_the_existing_opportunity_unchanged()
    {
        using var admin = await factory.AdminClientAsync();
        using var integration = await factory.IntegrationAsync("opportunities:write");
        var account = await factory.AccountAsync();
        var owner = await factory.AdminIdAsync();

        var first = await integration.PostAsJsonAsync("/api/v1/opportunities", new { name = "Synced", accountId = account, amount = 10, ownerId = owner, externalId = "crm-1" });
        var again = await integration.PostAsJsonAsync("/api/v1/opportunities", new { name = "Changed", accountId = account, amount = 99, ownerId = owner, externalId = "crm-1" });
        var otherCaller = await admin.PostAsJsonAsync("/api/v1/opportunities", new { name = "Mine", accountId = account, amount = 1, externalId = "crm-1" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherCaller.StatusCode);
        var created = await first.ReadAsync<OpportunityDto>();
        var existing = await again.ReadAsync<OpportunityDto>();
        Assert.Equal((created.Id, "Synced", 10m, "crm-1"), (existing.Id, existing.Name, existing.Amount, existing.ExternalId));
        Assert.NotEqual(created.Id, (await otherCaller.ReadAsync<OpportunityDto>()).Id);
        Assert.Equal(1, await factory.ScalarSqlAsync("SELECT COUNT(*) FROM stage_moves WHERE opportunity_id = $id", ("$id", created.Id)));

        Assert.Equal(HttpStatusCode.NoContent, (await integration.DeleteAsync($"/api/v1/opportunities/{created.Id}")).StatusCode);
        var deleted = await integration.PostAsJsonAsync("/api/v1/opportunities", new { name = "Synced", accountId = account, amount = 10, ownerId = owner, externalId = "crm-1" });
        Assert.Equal(["externalId"], (await deleted.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ErrorFields());
    }

    [Fact]
    public async Task An_idempotency_key_replays_the_first_create()
    {
        using var admin = await factory.AdminClientAsync();
        var account = await factory.AccountAsync();

        HttpRequestMessage Request(decimal amount)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/opportunities")
            {
                Content = JsonContent.Create(new { name = "Retried", accountId = account, amount }),
            };
            request.Headers.Add("Idempotency-Key", "deal-key-1");
            return request;
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => admin.SendAsync(Request(5))));
        var other = await admin.SendAsync(Request(6));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.ReadAsync<OpportunityDto>()).Id));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await factory.ScalarSqlAsync("SELECT COUNT(*) FROM opportunities WHERE name = 'Retried'"));
        await other.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task The_primary_contact_must_work_at_the_account_and_the_lead_be_in_scope()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var (otherRep, _) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var atAccount = await factory.ContactAsync(account);
        var elsewhere = await factory.ContactAsync(await factory.AccountAsync());
        var freelancer = await factory.ContactAsync(null);
        var ownLead = await factory.LeadAsync(rep.Id);
        var othersLead = await factory.LeadAsync(otherRep.Id);

        var linked = await client.CreateOpportunityAsync(account, new { primaryContactId = atAccount, leadId = ownLead });
        await client.CreateOpportunityAsync(account, new { primaryContactId = freelancer });
        var wrongAccount = await client.PostAsJsonAsync("/api/v1/opportunities", new { name = "X", accountId = account, amount = 1, primaryContactId = elsewhere });
        var foreignLead = await client.PostAsJsonAsync("/api/v1/opportunities", new { name = "X", accountId = account, amount = 1, leadId = othersLead });

        Assert.Equal((atAccount, ownLead), (linked.PrimaryContactId, linked.LeadId));
        Assert.Equal(["primaryContactId"], (await wrongAccount.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["leadId"], (await foreignLead.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Owners_are_the_caller_a_teammate_for_managers_and_required_from_integrations()
    {
        var team = await factory.TeamAsync();
        var (manager, managerClient) = await factory.PersonAsync("manager", team.Id);
        var (teamRep, repClient) = await factory.PersonAsync("rep", team.Id);
        var (outsider, _) = await factory.PersonAsync("rep", (await factory.TeamAsync()).Id);
        using var integration = await factory.IntegrationAsync("opportunities:write");
        var account = await factory.AccountAsync();

        Assert.Equal(teamRep.Id, (await managerClient.CreateOpportunityAsync(account, new { ownerId = teamRep.Id })).OwnerId);
        Assert.Equal(manager.Id, (await managerClient.CreateOpportunityAsync(account)).OwnerId);
        Assert.Equal(outsider.Id, (await integration.CreateOpportunityAsync(account, new { ownerId = outsider.Id })).OwnerId);

        var managerOutside = await managerClient.PostAsJsonAsync("/api/v1/opportunities", new { name = "X", accountId = account, amount = 1, ownerId = outsider.Id });
        var repForOther = await repClient.PostAsJsonAsync("/api/v1/opportunities", new { name = "X", accountId = account, amount = 1, ownerId = manager.Id });
        var integrationNoOwner = await integration.PostAsJsonAsync("/api/v1/opportunities", new { name = "X", accountId = account, amount = 1 });
        foreach (var response in new[] { managerOutside, repForOther, integrationNoOwner })
        {
            Assert.Equal(["ownerId"], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }
    }

    [Fact]
    public async Task Updates_need_the_etag_and_never_touch_owner_or_stage()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var contact = await factory.ContactAsync(account);
        var deal = await client.CreateOpportunityAsync(account, new { competitor = "Globex", expectedCloseDate = "2030-01-01" });
        var url = $"/api/v1/opportunities/{deal.Id}";
        var body = new { name = "Bigger deal", amount = 2500.25m, expectedCloseDate = "2030-06-30", primaryContactId = contact };

        await (await client.SendAsync(HttpMethod.Put, url, body)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var updated = await client.SendAsync(HttpMethod.Put, url, body, deal.Version);
        var stale = await client.SendAsync(HttpMethod.Put, url, body with { name = "Lost update" }, deal.Version);
        var withOwner = await client.SendAsync(HttpMethod.Put, url, new { name = "X", amount = 1, ownerId = Guid.NewGuid() }, deal.Version + 1);
        var withStage = await client.SendAsync(HttpMethod.Put, url, new { name = "X", amount = 1, stageId = Won }, deal.Version + 1);
        var negative = await client.SendAsync(HttpMethod.Put, url, new { name = "X", amount = -5 }, deal.Version + 1);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal($"\"{deal.Version + 1}\"", updated.Headers.ETag?.ToString());
        var after = await client.OpportunityAsync(deal.Id);
        Assert.Equal(("Bigger deal", 2500.25m, new DateOnly(2030, 6, 30), contact, null), (after.Name, after.Amount, after.ExpectedCloseDate, after.PrimaryContactId, after.Competitor));
        Assert.Equal((deal.OwnerId, deal.StageId, deal.Version + 1), (after.OwnerId, after.StageId, after.Version));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(["ownerId"], (await withOwner.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["stageId"], (await withStage.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["amount"], (await negative.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Managers_reassign_within_their_team_and_the_change_is_recorded()
    {
        var team = await factory.TeamAsync();
        var (manager, managerClient) = await factory.PersonAsync("manager", team.Id);
        var (rep, repClient) = await factory.PersonAsync("rep", team.Id);
        var (teammate, _) = await factory.PersonAsync("rep", team.Id);
        var (outsider, _) = await factory.PersonAsync("rep", (await factory.TeamAsync()).Id);
        var deal = await repClient.CreateOpportunityAsync(await factory.AccountAsync());
        var url = $"/api/v1/opportunities/{deal.Id}/owner";

        var byRep = await repClient.SendAsync(HttpMethod.Post, url, new { ownerId = teammate.Id }, deal.Version);
        var noEtag = await managerClient.SendAsync(HttpMethod.Post, url, new { ownerId = teammate.Id });
        var outside = await managerClient.SendAsync(HttpMethod.Post, url, new { ownerId = outsider.Id }, deal.Version);
        var same = await managerClient.SendAsync(HttpMethod.Post, url, new { ownerId = rep.Id }, deal.Version);
        var beforeCreation = await managerClient.SendAsync(HttpMethod.Post, url, new { ownerId = teammate.Id, occurredAt = deal.CreatedAt.AddDays(-1) }, deal.Version);
        var reassigned = await managerClient.SendAsync(HttpMethod.Post, url, new { ownerId = teammate.Id }, deal.Version);
        var stale = await managerClient.SendAsync(HttpMethod.Post, url, new { ownerId = manager.Id }, deal.Version);

        await byRep.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await noEtag.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(["ownerId"], (await outside.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["ownerId"], (await same.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ErrorFields());
        Assert.Equal(["occurredAt"], (await beforeCreation.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(HttpStatusCode.OK, reassigned.StatusCode);
        Assert.Equal(teammate.Id, (await reassigned.ReadAsync<OpportunityDto>()).OwnerId);
        Assert.Equal($"\"{deal.Version + 1}\"", reassigned.Headers.ETag?.ToString());
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var changes = await (await managerClient.GetAsync($"{url}-changes")).ReadAsync<Page<OwnerChangeDto>>();
        var change = Assert.Single(changes.Items);
        Assert.Equal((rep.Id, teammate.Id, manager.Id), (change.FromOwnerId, change.ToOwnerId, change.ChangedBy));
        await (await repClient.GetAsync($"/api/v1/opportunities/{deal.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Past_reassignments_are_recorded_oldest_first()
    {
        var (first, _) = await factory.PersonAsync("rep");
        var (second, _) = await factory.PersonAsync("rep");
        using var integration = await factory.IntegrationAsync("opportunities:write");
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var deal = await integration.CreateOpportunityAsync(await factory.AccountAsync(), new { ownerId = first.Id, occurredAt = start });
        var url = $"/api/v1/opportunities/{deal.Id}/owner";

        var later = await integration.SendAsync(HttpMethod.Post, url, new { ownerId = second.Id, occurredAt = start.AddDays(10) }, 1);
        var earlier = await integration.SendAsync(HttpMethod.Post, url, new { ownerId = first.Id, occurredAt = start.AddDays(5) }, 2);
        var future = await integration.SendAsync(HttpMethod.Post, url, new { ownerId = first.Id, occurredAt = DateTimeOffset.UtcNow.AddDays(1) }, 2);
        var back = await integration.SendAsync(HttpMethod.Post, url, new { ownerId = first.Id, occurredAt = start.AddDays(12) }, 2);

        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(["occurredAt"], (await earlier.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["occurredAt"], (await future.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var page1 = await (await integration.GetAsync($"{url}-changes?limit=1")).ReadAsync<Page<OwnerChangeDto>>();
        var page2 = await (await integration.GetAsync($"{url}-changes?limit=1&cursor={page1.NextCursor}")).ReadAsync<Page<OwnerChangeDto>>();
        Assert.Equal(second.Id, Assert.Single(page1.Items).ToOwnerId);
        Assert.Equal(first.Id, Assert.Single(page2.Items).ToOwnerId);
        Assert.Null(page2.NextCursor);
    }

    [Fact]
    public async Task Deleting_hides_the_deal_and_the_owners_manager_restores_it()
    {
        var team = await factory.TeamAsync();
        var (_, managerClient) = await factory.PersonAsync("manager", team.Id);
        var (_, otherManager) = await factory.PersonAsync("manager", (await factory.TeamAsync()).Id);
        var (rep, repClient) = await factory.PersonAsync("rep", team.Id);
        using var integration = await factory.IntegrationAsync("opportunities:write");
        using var admin = await factory.AdminClientAsync();
        var deal = await repClient.CreateOpportunityAsync(await factory.AccountAsync());
        var url = $"/api/v1/opportunities/{deal.Id}";

        Assert.Equal(HttpStatusCode.NoContent, (await repClient.DeleteAsync(url)).StatusCode);
        await (await repClient.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await repClient.DeleteAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await repClient.MoveAsync(deal.Id, deal.Version + 1, new { toStageId = Demo })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(deal.Id, (await (await admin.GetAsync($"/api/v1/opportunities?ownerId={rep.Id}")).ReadAsync<Page<OpportunityDto>>()).Items.Select(o => o.Id));
        Assert.Equal(1, await factory.ScalarSqlAsync("SELECT COUNT(*) FROM opportunities WHERE id = $id AND deleted_by = $by AND deleted_at IS NOT NULL", ("$id", deal.Id), ("$by", rep.Id)));

        await (await repClient.PostAsync($"{url}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await integration.PostAsync($"{url}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await otherManager.PostAsync($"{url}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var restored = await managerClient.PostAsync($"{url}/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(deal.Version + 2, (await restored.ReadAsync<OpportunityDto>()).Version);
        Assert.Equal(HttpStatusCode.OK, (await repClient.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{url}/restore", null)).StatusCode);
    }
}
