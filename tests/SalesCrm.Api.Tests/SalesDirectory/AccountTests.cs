using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Accounts;

namespace SalesCrm.Api.Tests.SalesDirectory;

public sealed class AccountTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Creating_an_account_returns_201_with_location_etag_and_the_caller_as_owner()
    {
        var (rep, client) = await factory.PersonAsync("rep");

        var response = await client.PostAsJsonAsync("/api/v1/accounts", new { name = "  Initech  ", domain = "initech.example", industry = "Software" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var account = await response.ReadAsync<AccountDto>();
        Assert.Equal("Initech", account.Name);
        Assert.Equal("initech.example", account.Domain);
        Assert.Equal(rep.Id, account.OwnerId);
        Assert.Equal(rep.Id, account.CreatedBy);
        Assert.Equal($"/api/v1/accounts/{account.Id}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        var fetched = await client.GetAsync($"/api/v1/accounts/{account.Id}");
        Assert.Equal(account, await fetched.ReadAsync<AccountDto>());
        Assert.Equal("\"1\"", fetched.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task OccurredAt_back_dates_the_creation_and_a_future_one_is_refused()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var past = new DateTimeOffset(2021, 3, 4, 5, 6, 7, 123, TimeSpan.Zero);

        var imported = await client.CreateAccountAsync(extra: new { occurredAt = past });
        var future = await client.PostAsJsonAsync("/api/v1/accounts", new { name = "Later", occurredAt = DateTimeOffset.UtcNow.AddDays(2) });

        Assert.Equal(past, imported.CreatedAt);
        Assert.Equal(["occurredAt"], (await future.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Theory]
    [InlineData("""{"domain":"x.example"}""", "name")]
    [InlineData("""{"name":"   "}""", "name")]
    [InlineData("""{"name":"A","industry":1}""", "industry")]
    [InlineData("""{"name":"A","externalId":"  "}""", "externalId")]
    [InlineData("""{"name":"A","ownerId":"not-a-guid"}""", "ownerId")]
    public async Task Bad_input_is_400_naming_the_field(string body, string field)
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsync("/api/v1/accounts", ApiClientExtensions.JsonBody(body));

        Assert.Contains(field, (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Over_long_names_and_unknown_fields_are_refused()
    {
        using var admin = await factory.AdminClientAsync();

        var tooLong = await admin.PostAsJsonAsync("/api/v1/accounts", new { name = new string('a', 201) });
        var unknown = await admin.PostAsync("/api/v1/accounts", ApiClientExtensions.JsonBody("""{"name":"A","ownerName":"x"}"""));

        Assert.Equal(["name"], (await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_rep_can_only_make_themself_the_owner()
    {
        var people = await factory.TeamPeopleAsync();

        var response = await people.Rep.Client.PostAsJsonAsync("/api/v1/accounts", new { name = "Theirs", ownerId = people.OtherRep.User.Id });

        Assert.Equal(["ownerId"], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_rep_reads_another_reps_account_but_cannot_change_or_delete_it()
    {
        var people = await factory.TeamPeopleAsync();
        var account = await people.OtherRep.Client.CreateAccountAsync();

        var read = await people.Rep.Client.GetAsync($"/api/v1/accounts/{account.Id}");
        var update = await people.Rep.Client.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "Mine now" }, 1);
        var delete = await people.Rep.Client.DeleteAsync($"/api/v1/accounts/{account.Id}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await update.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await delete.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(account.Name, (await (await people.Rep.Client.GetAsync($"/api/v1/accounts/{account.Id}")).ReadAsync<AccountDto>()).Name);
    }

    [Fact]
    public async Task The_owner_the_owners_manager_and_admins_can_update_but_another_teams_manager_cannot()
    {
        var people = await factory.TeamPeopleAsync();
        var other = await factory.TeamPeopleAsync();
        using var admin = await factory.AdminClientAsync();
        var account = await people.Rep.Client.CreateAccountAsync();

        var byOwner = await people.Rep.Client.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "By owner" }, 1);
        var byManager = await people.Manager.Client.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "By manager", industry = "Retail" }, 2);
        var byAdmin = await admin.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "By admin" }, 3);
        var byOtherManager = await other.Manager.Client.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "By other manager" }, 4);

        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
        Assert.Equal("Retail", (await byManager.ReadAsync<AccountDto>()).Industry);
        var final = await byAdmin.ReadAsync<AccountDto>();
        Assert.Equal(("By admin", 4, (string?)null), (final.Name, final.Version, final.Industry));
        Assert.Equal("\"4\"", byAdmin.Headers.ETag?.ToString());
        await byOtherManager.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Updates_need_the_current_etag()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var account = await client.CreateAccountAsync("Original");

        var missing = await client.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "No tag" }, null);
        var ok = await client.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "First" }, 1);
        var stale = await client.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "Lost update" }, 1);
        var unknown = await client.PutAsync($"/api/v1/accounts/{Guid.NewGuid()}", new { name = "Nobody" }, 1);
        var ownerInBody = await client.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "X", ownerId = Guid.NewGuid() }, 2);

        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await ownerInBody.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("First", (await (await client.GetAsync($"/api/v1/accounts/{account.Id}")).ReadAsync<AccountDto>()).Name);
    }

    [Fact]
    public async Task Managers_reassign_within_their_team_and_reps_cannot_reassign()
    {
        var people = await factory.TeamPeopleAsync();
        var other = await factory.TeamPeopleAsync();
        var account = await people.Rep.Client.CreateAccountAsync();
        var path = $"/api/v1/accounts/{account.Id}/owner";

        var byRep = await people.Rep.Client.PostGuardedAsync(path, new { ownerId = people.OtherRep.User.Id }, 1);
        var outsideTeam = await people.Manager.Client.PostGuardedAsync(path, new { ownerId = other.Rep.User.Id }, 1);
        var byOtherManager = await other.Manager.Client.PostGuardedAsync(path, new { ownerId = other.Rep.User.Id }, 1);
        var noTag = await people.Manager.Client.PostGuardedAsync(path, new { ownerId = people.OtherRep.User.Id }, null);
        var byManager = await people.Manager.Client.PostGuardedAsync(path, new { ownerId = people.OtherRep.User.Id }, 1);
        var stale = await people.Manager.Client.PostGuardedAsync(path, new { ownerId = people.Rep.User.Id }, 1);

        await byRep.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(["ownerId"], (await outsideTeam.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await byOtherManager.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await noTag.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var reassigned = await byManager.ReadAsync<AccountDto>();
        Assert.Equal((people.OtherRep.User.Id, 2), (reassigned.OwnerId, reassigned.Version));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        // The new owner may now change it; the previous owner may not.
        Assert.Equal(HttpStatusCode.OK, (await people.OtherRep.Client.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "New owner" }, 2)).StatusCode);
        await (await people.Rep.Client.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "Old owner" }, 3)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Admins_reassign_anyone_to_anyone()
    {
        var people = await factory.TeamPeopleAsync();
        var other = await factory.TeamPeopleAsync();
        using var admin = await factory.AdminClientAsync();
        var account = await people.Rep.Client.CreateAccountAsync();

        var response = await admin.PostGuardedAsync($"/api/v1/accounts/{account.Id}/owner", new { ownerId = other.Rep.User.Id }, 1);

        Assert.Equal(other.Rep.User.Id, (await response.ReadAsync<AccountDto>()).OwnerId);
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Deleted_accounts_answer_404_leave_lists_and_come_back_through_restore()
    {
        var people = await factory.TeamPeopleAsync();
        var account = await people.Rep.Client.CreateAccountAsync($"Deleted {Guid.NewGuid():N}");
        var path = $"/api/v1/accounts/{account.Id}";

        Assert.Equal(HttpStatusCode.NoContent, (await people.Rep.Client.DeleteAsync(path)).StatusCode);

        await (await people.Rep.Client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await people.Rep.Client.DeleteAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await people.Rep.Client.PutAsync(path, new { name = "Ghost" }, 2)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(account.Id, await people.Rep.Client.AllIdsAsync($"/api/v1/accounts?q={account.Name}"));
        await (await people.Rep.Client.PostAsync($"{path}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var other = await factory.TeamPeopleAsync();
        await (await other.Manager.Client.PostAsync($"{path}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var restored = await people.Manager.Client.PostAsync($"{path}/restore", null);

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(3, (await restored.ReadAsync<AccountDto>()).Version);
        Assert.Equal(HttpStatusCode.OK, (await people.Rep.Client.GetAsync(path)).StatusCode);
        Assert.Contains(account.Id, await people.Rep.Client.AllIdsAsync($"/api/v1/accounts?q={account.Name}"));
        var again = await people.Manager.Client.PostAsync($"{path}/restore", null);
        Assert.Equal(3, (await again.ReadAsync<AccountDto>()).Version);
        await (await people.Manager.Client.PostAsync($"/api/v1/accounts/{Guid.NewGuid()}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admins_restore_and_integrations_cannot()
    {
        var (_, client) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();
        var (_, integration) = await factory.IntegrationAsync("opportunities:write");
        var account = await client.CreateAccountAsync();
        await client.DeleteAsync($"/api/v1/accounts/{account.Id}");

        await (await integration.PostAsync($"/api/v1/accounts/{account.Id}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/accounts/{account.Id}/restore", null)).StatusCode);
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_replays_the_first_create()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var name = $"Idempotent {Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString();

        var first = await client.SendAsync(WithKey(new { name }, key));
        var replay = await client.SendAsync(WithKey(new { name }, key));
        var otherBody = await client.SendAsync(WithKey(new { name = name + " changed" }, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.ReadAsync<AccountDto>()).Id, (await replay.ReadAsync<AccountDto>()).Id);
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        await otherBody.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Single(await client.AllIdsAsync($"/api/v1/accounts?q={name}"));
    }

    [Fact]
    public async Task Parallel_creates_with_one_idempotency_key_create_one_account()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var name = $"Parallel {Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.SendAsync(WithKey(new { name }, key))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(await client.AllIdsAsync($"/api/v1/accounts?q={name}"));
    }

    [Fact]
    public async Task A_known_external_id_returns_the_existing_account_with_200_and_changes_nothing()
    {
        var (rep, _) = await factory.PersonAsync("rep");
        var (_, sync) = await factory.IntegrationAsync("opportunities:write");
        var (_, otherSync) = await factory.IntegrationAsync("opportunities:write");
        var externalId = $"crm-{Guid.NewGuid():N}";

        var first = await sync.PostAsJsonAsync("/api/v1/accounts", new { name = "Globex", ownerId = rep.Id, externalId });
        var again = await sync.PostAsJsonAsync("/api/v1/accounts", new { name = "Globex renamed", ownerId = rep.Id, externalId });
        var otherSource = await otherSync.PostAsJsonAsync("/api/v1/accounts", new { name = "Globex", ownerId = rep.Id, externalId });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var created = await first.ReadAsync<AccountDto>();
        var existing = await again.ReadAsync<AccountDto>();
        Assert.Equal(created, existing);
        Assert.Equal(externalId, existing.ExternalId);
        Assert.Equal("\"1\"", again.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.Created, otherSource.StatusCode);
        Assert.NotEqual(created.Id, (await otherSource.ReadAsync<AccountDto>()).Id);
    }

    [Fact]
    public async Task Parallel_creates_with_one_external_id_make_one_account()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var externalId = $"ext-{Guid.NewGuid():N}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            client.PostAsJsonAsync("/api/v1/accounts", new { name = "Racing", externalId })));

        var ids = await Task.WhenAll(responses.Select(async r => (await r.ReadAsync<AccountDto>()).Id));
        Assert.Single(ids.Distinct());
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_external_id_of_a_deleted_account_is_409()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var externalId = $"ext-{Guid.NewGuid():N}";
        var account = await client.CreateAccountAsync(extra: new { externalId });
        await client.DeleteAsync($"/api/v1/accounts/{account.Id}");

        var response = await client.PostAsJsonAsync("/api/v1/accounts", new { name = "Again", externalId });

        Assert.Equal(["externalId"], (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ErrorFields());
    }

    [Fact]
    public async Task Integrations_read_with_directory_read_and_write_with_opportunities_write()
    {
        var (rep, repClient) = await factory.PersonAsync("rep");
        var account = await repClient.CreateAccountAsync();
        var (_, reader) = await factory.IntegrationAsync("directory:read");
        var (_, writer) = await factory.IntegrationAsync("opportunities:write");
        var (_, metrics) = await factory.IntegrationAsync("metrics:read");

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/accounts/{account.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/accounts")).StatusCode);
        await (await reader.PostAsJsonAsync("/api/v1/accounts", new { name = "X", ownerId = rep.Id })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await metrics.GetAsync("/api/v1/accounts")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await metrics.GetAsync($"/api/v1/accounts/{account.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var noOwner = await writer.PostAsJsonAsync("/api/v1/accounts", new { name = "X" });
        Assert.Equal(["ownerId"], (await noOwner.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(HttpStatusCode.Created, (await writer.PostAsJsonAsync("/api/v1/accounts", new { name = "X", ownerId = rep.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync($"/api/v1/accounts/{account.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.PutAsync($"/api/v1/accounts/{account.Id}", new { name = "Synced" }, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.PostGuardedAsync($"/api/v1/accounts/{account.Id}/owner", new { ownerId = rep.Id }, 2)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync($"/api/v1/accounts/{account.Id}")).StatusCode);
    }

    [Fact]
    public async Task Lists_filter_by_owner_team_text_and_creation_time()
    {
        var people = await factory.TeamPeopleAsync();
        var tag = Guid.NewGuid().ToString("N");
        var old = await people.Rep.Client.CreateAccountAsync($"{tag} Old", new { occurredAt = new DateTimeOffset(2020, 1, 10, 0, 0, 0, TimeSpan.Zero) });
        var mid = await people.Rep.Client.CreateAccountAsync($"{tag} Mid", new { domain = $"{tag}.example", occurredAt = new DateTimeOffset(2020, 2, 10, 0, 0, 0, TimeSpan.Zero) });
        var mine = await people.OtherRep.Client.CreateAccountAsync($"{tag} Other", new { occurredAt = new DateTimeOffset(2020, 3, 10, 0, 0, 0, TimeSpan.Zero) });
        var stranger = await (await factory.PersonAsync("rep")).Client.CreateAccountAsync($"{tag} Stranger");

        Assert.Equal([stranger.Id, mine.Id, mid.Id, old.Id], await people.Rep.Client.AllIdsAsync($"/api/v1/accounts?q={tag}"));
        Assert.Equal([mid.Id, old.Id], await people.Rep.Client.AllIdsAsync($"/api/v1/accounts?q={tag}&ownerId={people.Rep.User.Id}"));
        Assert.Equal([mine.Id, mid.Id, old.Id], await people.Rep.Client.AllIdsAsync($"/api/v1/accounts?q={tag}&teamId={people.Team.Id}"));
        Assert.Equal([mid.Id], await people.Rep.Client.AllIdsAsync($"/api/v1/accounts?q={tag}&createdFrom=2020-02-10T00:00:00Z&createdTo=2020-03-10T00:00:00Z"));
        Assert.Equal([mid.Id], await people.Rep.Client.AllIdsAsync($"/api/v1/accounts?q={tag.ToUpperInvariant()}.EXAMPLE"));
        var backwards = await people.Rep.Client.GetAsync("/api/v1/accounts?createdFrom=2020-03-01T00:00:00Z&createdTo=2020-02-01T00:00:00Z");
        Assert.Equal(["createdTo"], (await backwards.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Lists_sort_by_name_across_pages_and_refuse_a_cursor_of_another_sort()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var tag = Guid.NewGuid().ToString("N");
        var names = new[] { "delta", "Alpha", "charlie", "Bravo", "echo", "alpha" };
        var created = new Dictionary<Guid, string>();
        foreach (var (name, minute) in names.Select((n, i) => (n, i)))
        {
            var account = await client.CreateAccountAsync($"{tag} {name}", new { occurredAt = new DateTimeOffset(2022, 1, 1, 0, minute, 0, TimeSpan.Zero) });
            created[account.Id] = name;
        }

        var byName = await client.AllIdsAsync($"/api/v1/accounts?q={tag}&sort=name&limit=2");
        var newest = await client.AllIdsAsync($"/api/v1/accounts?q={tag}&limit=4");

        Assert.Equal(["alpha", "alpha", "bravo", "charlie", "delta", "echo"], byName.Select(id => created[id].ToLowerInvariant()));
        Assert.Equal(created.Keys.Reverse(), newest);
        var page = await (await client.GetAsync($"/api/v1/accounts?q={tag}&sort=name&limit=2")).ReadJsonAsync();
        var wrongSort = await client.GetAsync($"/api/v1/accounts?q={tag}&sort=newest&cursor={page.GetProperty("nextCursor").GetString()}");
        Assert.Equal(["cursor"], (await wrongSort.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await (await client.GetAsync("/api/v1/accounts?sort=largest")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/v1/accounts?limit=201")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Search_text_is_matched_literally()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var tag = Guid.NewGuid().ToString("N");
        var percent = await client.CreateAccountAsync($"{tag} 100% [Org]_x");
        await client.CreateAccountAsync($"{tag} 1000 Org");

        Assert.Equal([percent.Id], await client.AllIdsAsync($"/api/v1/accounts?q={Uri.EscapeDataString($"{tag} 100%")}"));
        Assert.Equal([percent.Id], await client.AllIdsAsync($"/api/v1/accounts?q={Uri.EscapeDataString("[Org]_")}"));
    }

    private static HttpRequestMessage WithKey(object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounts") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
