using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.SalesDirectory;
using SalesCrm.Application.Accounts;
using SalesCrm.Application.Contacts;
using SalesCrm.Application.Leads;
using SalesCrm.Application.Leads.ConvertLead;
using SalesCrm.Domain.Leads;

namespace SalesCrm.Api.Tests.Leads;

public sealed class LeadConversionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Converting_creates_an_account_a_contact_and_an_opportunity_with_its_first_stage_move()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var lead = await client.CreateLeadAsync("Ada King Lovelace", new { company = "Analytical Engines", email = "ada@engines.example", phone = "+44 1" });

        var response = await client.PostGuardedAsync($"/api/v1/leads/{lead.Id}/convert", new
        {
            opportunity = new { name = "Engines pilot", amount = 12500.50m, expectedCloseDate = "2031-03-31" },
            contact = (object?)null,
        }, 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversion = await response.ReadAsync<LeadConversionDto>();
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
        Assert.Equal((LeadStatus.Converted, 2), (conversion.Lead.Status, conversion.Lead.Version));
        Assert.Equal((conversion.AccountId, conversion.ContactId, conversion.OpportunityId),
            (conversion.Lead.ConvertedAccountId!.Value, conversion.Lead.ConvertedContactId!.Value, conversion.Lead.ConvertedOpportunityId!.Value));
        Assert.NotNull(conversion.Lead.ConvertedAt);

        var account = await (await client.GetAsync($"/api/v1/accounts/{conversion.AccountId}")).ReadAsync<AccountDto>();
        Assert.Equal(("Analytical Engines", rep.Id), (account.Name, account.OwnerId));
        var contact = await (await client.GetAsync($"/api/v1/contacts/{conversion.ContactId}")).ReadAsync<ContactDto>();
        Assert.Equal(("Ada King", "Lovelace", "ada@engines.example", "+44 1", (Guid?)conversion.AccountId, rep.Id),
            (contact.FirstName, contact.LastName, contact.Email, contact.Phone, contact.AccountId, contact.OwnerId));

        var opportunity = $"SELECT {{0}} FROM opportunities WHERE id = '{conversion.OpportunityId}'";
        Assert.Equal(lead.Id.ToString(), await factory.ScalarAsync<string>(string.Format(opportunity, "lead_id")));
        Assert.Equal(LeadsApi.DiscoveryStageId.ToString(), await factory.ScalarAsync<string>(string.Format(opportunity, "stage_id")));
        Assert.Equal(LeadsApi.DefaultPipelineId.ToString(), await factory.ScalarAsync<string>(string.Format(opportunity, "pipeline_id")));
        Assert.Equal(conversion.ContactId.ToString(), await factory.ScalarAsync<string>(string.Format(opportunity, "primary_contact_id")));
        Assert.Equal(rep.Id.ToString(), await factory.ScalarAsync<string>(string.Format(opportunity, "owner_id")));
        Assert.Equal(125005000L, await factory.ScalarAsync<long>(string.Format(opportunity, "amount")));
        Assert.Equal("2031-03-31", await factory.ScalarAsync<string>(string.Format(opportunity, "expected_close_date")));
        var convertedAt = conversion.Lead.ConvertedAt!.Value.ToUnixTimeMilliseconds();
        Assert.Equal(convertedAt, await factory.ScalarAsync<long>(string.Format(opportunity, "created_at")));
        Assert.Equal(convertedAt, await factory.ScalarAsync<long>(string.Format(opportunity, "stage_entered_at")));

        var move = $"SELECT {{0}} FROM stage_moves WHERE opportunity_id = '{conversion.OpportunityId}'";
        Assert.Equal(1L, await factory.ScalarAsync<long>(string.Format(move, "COUNT(*)")));
        Assert.Equal(1L, await factory.ScalarAsync<long>(string.Format(move, "from_stage_id IS NULL")));
        Assert.Equal(LeadsApi.DiscoveryStageId.ToString(), await factory.ScalarAsync<string>(string.Format(move, "to_stage_id")));
        Assert.Equal(convertedAt, await factory.ScalarAsync<long>(string.Format(move, "occurred_at")));
        Assert.Equal(rep.Id.ToString(), await factory.ScalarAsync<string>(string.Format(move, "moved_by")));
    }

    [Fact]
    public async Task A_conversion_can_reuse_an_existing_account_and_name_the_contact()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var someoneElses = await (await factory.PersonAsync("rep")).Client.CreateAccountAsync("Existing Co");
        var lead = await client.CreateLeadAsync("Prince");
        var accounts = await factory.CountAsync("accounts");

        var response = await client.PostGuardedAsync($"/api/v1/leads/{lead.Id}/convert", new
        {
            accountId = someoneElses.Id,
            contact = new { firstName = "Prince", lastName = "Nelson", title = "Artist" },
            opportunity = new { name = "Tour", amount = 0 },
        }, 1);

        var conversion = await response.ReadAsync<LeadConversionDto>();
        Assert.Equal(someoneElses.Id, conversion.AccountId);
        Assert.Equal(accounts, await factory.CountAsync("accounts"));
        var contact = await (await client.GetAsync($"/api/v1/contacts/{conversion.ContactId}")).ReadAsync<ContactDto>();
        Assert.Equal(("Prince", "Nelson", "Artist", (Guid?)someoneElses.Id), (contact.FirstName, contact.LastName, contact.Title, contact.AccountId));
    }

    [Fact]
    public async Task A_conversion_names_the_new_account_and_back_dates_the_records()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var created = new DateTimeOffset(2024, 2, 1, 9, 0, 0, TimeSpan.Zero);
        var converted = new DateTimeOffset(2024, 2, 20, 15, 30, 0, TimeSpan.Zero);
        var lead = await client.CreateLeadAsync("Grace Hopper", new { company = (string?)null, occurredAt = created });

        var early = await client.PostGuardedAsync($"/api/v1/leads/{lead.Id}/convert",
            new { opportunity = new { name = "Deal", amount = 1 }, occurredAt = created.AddDays(-1) }, 1);
        var response = await client.PostGuardedAsync($"/api/v1/leads/{lead.Id}/convert",
            new { account = new { name = "Navy", industry = "Defence" }, opportunity = new { name = "Deal", amount = 1 }, occurredAt = converted }, 1);

        Assert.Equal(["occurredAt"], (await early.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var conversion = await response.ReadAsync<LeadConversionDto>();
        Assert.Equal(converted, conversion.Lead.ConvertedAt);
        var account = await (await client.GetAsync($"/api/v1/accounts/{conversion.AccountId}")).ReadAsync<AccountDto>();
        Assert.Equal(("Navy", "Defence", converted), (account.Name, account.Industry, account.CreatedAt));
        Assert.Equal(converted.ToUnixTimeMilliseconds(), await factory.ScalarAsync<long>(
            $"SELECT occurred_at FROM stage_moves WHERE opportunity_id = '{conversion.OpportunityId}'"));
    }

    [Fact]
    public async Task A_conversion_with_an_invalid_pipeline_changes_nothing()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var lead = await client.CreateLeadAsync();
        var archived = Guid.NewGuid();
        await factory.ExecuteAsync($"""
            INSERT INTO pipelines (id, name, is_default, created_at, archived_at, version) VALUES ('{archived}', 'Old {archived:N}', 0, 0, 1, 1);
            INSERT INTO stages (id, pipeline_id, name, position, probability, stale_after_days, kind, archived_at, version)
            VALUES ('{Guid.NewGuid()}', '{archived}', 'Start', 1, 10, NULL, 'open', NULL, 1);
            """);
        var before = await CountsAsync();

        var unknown = await client.PostGuardedAsync($"/api/v1/leads/{lead.Id}/convert", LeadsApi.Conversion(pipelineId: Guid.NewGuid()), 1);
        var retired = await client.PostGuardedAsync($"/api/v1/leads/{lead.Id}/convert", LeadsApi.Conversion(pipelineId: archived), 1);

        Assert.Equal(["opportunity.pipelineId"], (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["opportunity.pipelineId"], (await retired.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(before, await CountsAsync());
        var unchanged = await (await client.GetAsync($"/api/v1/leads/{lead.Id}")).ReadAsync<LeadDto>();
        Assert.Equal((LeadStatus.New, 1, (Guid?)null), (unchanged.Status, unchanged.Version, unchanged.ConvertedOpportunityId));
    }

    [Fact]
    public async Task An_opportunity_starts_in_the_first_live_open_stage_of_the_named_pipeline()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var lead = await client.CreateLeadAsync();
        var pipeline = Guid.NewGuid();
        var (won, archivedStage, intro, later) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await factory.ExecuteAsync($"""
            INSERT INTO pipelines (id, name, is_default, created_at, archived_at, version) VALUES ('{pipeline}', 'Partners {pipeline:N}', 0, 0, NULL, 1);
            INSERT INTO stages (id, pipeline_id, name, position, probability, stale_after_days, kind, archived_at, version) VALUES
                ('{won}', '{pipeline}', 'Won', 1, 100, NULL, 'won', NULL, 1),
                ('{archivedStage}', '{pipeline}', 'Retired', 2, 10, NULL, 'open', 5, 1),
                ('{later}', '{pipeline}', 'Later', 4, 50, NULL, 'open', NULL, 1),
                ('{intro}', '{pipeline}', 'Intro', 3, 20, NULL, 'open', NULL, 1);
            """);

        var conversion = await (await client.PostGuardedAsync($"/api/v1/leads/{lead.Id}/convert", LeadsApi.Conversion(pipelineId: pipeline), 1))
            .ReadAsync<LeadConversionDto>();

        Assert.Equal(intro.ToString(), await factory.ScalarAsync<string>($"SELECT stage_id FROM opportunities WHERE id = '{conversion.OpportunityId}'"));
        Assert.Equal(pipeline.ToString(), await factory.ScalarAsync<string>($"SELECT pipeline_id FROM opportunities WHERE id = '{conversion.OpportunityId}'"));
    }

    [Fact]
    public async Task Converted_and_disqualified_leads_cannot_be_converted()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var lead = await client.CreateLeadAsync();
        var disqualified = await client.CreateLeadAsync(extra: new { status = "disqualified", disqualificationReason = "Student" });
        Assert.Equal(HttpStatusCode.OK, (await client.PostGuardedAsync($"/api/v1/leads/{lead.Id}/convert", LeadsApi.Conversion(), 1)).StatusCode);
        var before = await CountsAsync();

        var twice = await client.PostGuardedAsync($"/api/v1/leads/{lead.Id}/convert", LeadsApi.Conversion(), 2);
        var ruledOut = await client.PostGuardedAsync($"/api/v1/leads/{disqualified.Id}/convert", LeadsApi.Conversion(), 1);
        var unconvert = await client.PutAsync($"/api/v1/leads/{lead.Id}", new { name = "Ada", status = "working" }, 2);
        var edit = await client.PutAsync($"/api/v1/leads/{lead.Id}", new { name = "Ada L.", status = "converted" }, 2);

        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await ruledOut.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await unconvert.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await CountsAsync());
        var edited = await edit.ReadAsync<LeadDto>();
        Assert.Equal(("Ada L.", LeadStatus.Converted), (edited.Name, edited.Status));
        Assert.NotNull(edited.ConvertedOpportunityId);
    }

    [Fact]
    public async Task Conversions_are_guarded_by_the_leads_version()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var lead = await client.CreateLeadAsync();
        await client.PutAsync($"/api/v1/leads/{lead.Id}", new { name = "Ada Lovelace", status = "qualified" }, 1);
        var before = await CountsAsync();

        var missing = await client.PostGuardedAsync($"/api/v1/leads/{lead.Id}/convert", LeadsApi.Conversion(), null);
        var stale = await client.PostGuardedAsync($"/api/v1/leads/{lead.Id}/convert", LeadsApi.Conversion(), 1);

        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Parallel_conversions_of_one_version_convert_once()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var lead = await client.CreateLeadAsync();
        var before = await CountsAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            client.PostGuardedAsync($"/api/v1/leads/{lead.Id}/convert", LeadsApi.Conversion(), 1)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
            r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.PreconditionFailed, HttpStatusCode.Conflict }));
        var after = await CountsAsync();
        Assert.Equal((before.Accounts + 1, before.Contacts + 1, before.Opportunities + 1, before.Moves + 1), after);
    }

    [Fact]
    public async Task A_retried_conversion_with_its_idempotency_key_replays_the_result()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var lead = await client.CreateLeadAsync();

        var first = await client.SendAsync(Keyed(lead.Id, "convert-once"));
        var retry = await client.SendAsync(Keyed(lead.Id, "convert-once"));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.ReadAsync<LeadConversionDto>()).OpportunityId, (await retry.ReadAsync<LeadConversionDto>()).OpportunityId);
    }

    [Theory]
    [InlineData("""{"opportunity":{"name":"D","amount":-1}}""", "opportunity.amount")]
    [InlineData("""{"opportunity":{"name":"D","amount":1000000000000.01}}""", "opportunity.amount")]
    [InlineData("""{"opportunity":{"name":"","amount":1}}""", "opportunity.name")]
    [InlineData("""{"opportunity":{"name":"D","amount":"1"}}""", "opportunity.amount")]
    [InlineData("""{"opportunity":{"name":"D","amount":1},"accountId":"00000000-0000-0000-0000-000000000001","account":{"name":"A"}}""", "account")]
    [InlineData("""{"opportunity":{"name":"D","amount":1},"account":{"name":""}}""", "account.name")]
    [InlineData("""{"opportunity":{"name":"D","amount":1},"contact":{"firstName":"A","lastName":""}}""", "contact.lastName")]
    [InlineData("""{"opportunity":{"name":"D","amount":1},"accountId":"00000000-0000-0000-0000-000000000001"}""", "accountId")]
    [InlineData("""{"opportunity":{"name":"D","amount":1},"occurredAt":"2999-01-01T00:00:00Z"}""", "occurredAt")]
    [InlineData("""{"occurredAt":null}""", "opportunity")]
    public async Task Bad_conversion_input_is_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var (_, client) = await factory.PersonAsync("rep");
        var lead = await client.CreateLeadAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/leads/{lead.Id}/convert") { Content = ApiClientExtensions.JsonBody(body) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        var response = await client.SendAsync(request);

        Assert.Equal([field], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(1, (await (await client.GetAsync($"/api/v1/leads/{lead.Id}")).ReadAsync<LeadDto>()).Version);
    }

    [Fact]
    public async Task A_one_word_lead_name_needs_the_contacts_name()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var lead = await client.CreateLeadAsync("Cher");

        var response = await client.PostGuardedAsync($"/api/v1/leads/{lead.Id}/convert", LeadsApi.Conversion(), 1);

        Assert.Equal(["contact"], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Managers_and_integrations_convert_leads_in_their_scope()
    {
        var people = await factory.TeamPeopleAsync();
        var (_, integration) = await factory.IntegrationAsync("opportunities:write");
        var first = await people.Rep.Client.CreateLeadAsync();
        var second = await people.Rep.Client.CreateLeadAsync();

        var byManager = await people.Manager.Client.PostGuardedAsync($"/api/v1/leads/{first.Id}/convert", LeadsApi.Conversion(), 1);
        var byIntegration = await integration.PostGuardedAsync($"/api/v1/leads/{second.Id}/convert", LeadsApi.Conversion(), 1);

        Assert.Equal(HttpStatusCode.OK, byManager.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byIntegration.StatusCode);
        var contact = await (await people.Rep.Client.GetAsync($"/api/v1/contacts/{(await byIntegration.ReadAsync<LeadConversionDto>()).ContactId}")).ReadAsync<ContactDto>();
        Assert.Equal(people.Rep.User.Id, contact.OwnerId);
    }

    private async Task<(long Accounts, long Contacts, long Opportunities, long Moves)> CountsAsync() =>
        (await factory.CountAsync("accounts"), await factory.CountAsync("contacts"),
            await factory.CountAsync("opportunities"), await factory.CountAsync("stage_moves"));

    private static HttpRequestMessage Keyed(Guid leadId, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/leads/{leadId}/convert") { Content = JsonContent.Create(LeadsApi.Conversion()) };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return request;
    }
}
