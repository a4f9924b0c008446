using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Contacts;

namespace SalesCrm.Api.Tests.SalesDirectory;

public sealed class ContactTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Creating_a_contact_at_an_account_returns_201_and_reads_back()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await client.CreateAccountAsync();

        var response = await client.PostAsJsonAsync("/api/v1/contacts", new
        {
            firstName = "Grace",
            lastName = "Hopper",
            accountId = account.Id,
            email = "grace@navy.example",
            phone = "+1 555 0100",
            title = "Rear Admiral",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var contact = await response.ReadAsync<ContactDto>();
        Assert.Equal((account.Id, rep.Id, "Rear Admiral", 1), (contact.AccountId, contact.OwnerId, contact.Title, contact.Version));
        Assert.Equal($"/api/v1/contacts/{contact.Id}", response.Headers.Location?.ToString());
        Assert.Equal(contact, await (await client.GetAsync($"/api/v1/contacts/{contact.Id}")).ReadAsync<ContactDto>());
    }

    [Fact]
    public async Task A_contact_needs_no_account()
    {
        var (_, client) = await factory.PersonAsync("rep");

        var contact = await client.CreateContactAsync();

        Assert.Null(contact.AccountId);
    }

    [Theory]
    [InlineData("""{"lastName":"Hopper"}""", "firstName")]
    [InlineData("""{"firstName":"Grace","lastName":""}""", "lastName")]
    [InlineData("""{"firstName":"Grace","lastName":"Hopper","email":"not-an-email"}""", "email")]
    [InlineData("""{"firstName":"Grace","lastName":"Hopper","phone":"012345678901234567890123456789012345678901234567890"}""", "phone")]
    [InlineData("""{"firstName":"Grace","lastName":"Hopper","occurredAt":"2999-01-01T00:00:00Z"}""", "occurredAt")]
    public async Task Bad_input_is_400_naming_the_field(string body, string field)
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsync("/api/v1/contacts", ApiClientExtensions.JsonBody(body));

        Assert.Contains(field, (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task An_unknown_or_deleted_account_is_400_on_accountId()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var deleted = await client.CreateAccountAsync();
        await client.DeleteAsync($"/api/v1/accounts/{deleted.Id}");

        var unknown = await client.PostAsJsonAsync("/api/v1/contacts", new { firstName = "A", lastName = "B", accountId = Guid.NewGuid() });
        var gone = await client.PostAsJsonAsync("/api/v1/contacts", new { firstName = "A", lastName = "B", accountId = deleted.Id });

        Assert.Equal(["accountId"], (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["accountId"], (await gone.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Anyone_may_attach_a_contact_to_another_reps_account()
    {
        var people = await factory.TeamPeopleAsync();
        var stranger = await (await factory.PersonAsync("rep")).Client.CreateAccountAsync();

        var contact = await people.Rep.Client.CreateContactAsync(extra: new { accountId = stranger.Id });

        Assert.Equal(stranger.Id, contact.AccountId);
    }

    [Fact]
    public async Task A_rep_reads_another_reps_contact_but_gets_403_writing_it_and_the_manager_may_write()
    {
        var people = await factory.TeamPeopleAsync();
        var contact = await people.OtherRep.Client.CreateContactAsync();
        var path = $"/api/v1/contacts/{contact.Id}";
        var body = new { firstName = "Changed", lastName = contact.LastName };

        Assert.Equal(HttpStatusCode.OK, (await people.Rep.Client.GetAsync(path)).StatusCode);
        await (await people.Rep.Client.PutAsync(path, body, 1)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await people.Rep.Client.DeleteAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await people.Rep.Client.PostGuardedAsync($"{path}/owner", new { ownerId = people.Rep.User.Id }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var byManager = await people.Manager.Client.PutAsync(path, body, 1);
        var changed = await byManager.ReadAsync<ContactDto>();
        Assert.Equal(("Changed", 2), (changed.FirstName, changed.Version));
        var reassigned = await people.Manager.Client.PostGuardedAsync($"{path}/owner", new { ownerId = people.Rep.User.Id }, 2);
        Assert.Equal(people.Rep.User.Id, (await reassigned.ReadAsync<ContactDto>()).OwnerId);
        Assert.Equal(HttpStatusCode.OK, (await people.Rep.Client.PutAsync(path, body, 3)).StatusCode);
    }

    [Fact]
    public async Task Updates_move_a_contact_between_accounts_and_need_the_current_etag()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var first = await client.CreateAccountAsync();
        var second = await client.CreateAccountAsync();
        var contact = await client.CreateContactAsync(extra: new { accountId = first.Id });
        var path = $"/api/v1/contacts/{contact.Id}";

        await (await client.PutAsync(path, new { firstName = "A", lastName = "B", accountId = second.Id }, null))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var moved = await client.PutAsync(path, new { firstName = "A", lastName = "B", accountId = second.Id, email = "a@b.example" }, 1);
        var stale = await client.PutAsync(path, new { firstName = "C", lastName = "D" }, 1);
        var unknownAccount = await client.PutAsync(path, new { firstName = "A", lastName = "B", accountId = Guid.NewGuid() }, 2);
        var detached = await client.PutAsync(path, new { firstName = "A", lastName = "B" }, 2);

        Assert.Equal(second.Id, (await moved.ReadAsync<ContactDto>()).AccountId);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(["accountId"], (await unknownAccount.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var final = await detached.ReadAsync<ContactDto>();
        Assert.Equal(((Guid?)null, (string?)null, 3), (final.AccountId, final.Email, final.Version));
    }

    [Fact]
    public async Task Lists_filter_by_account_and_text_and_sort_by_last_then_first_name()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var tag = Guid.NewGuid().ToString("N");
        var account = await client.CreateAccountAsync();
        var ada = await client.CreateContactAsync("Ada", $"Lovelace{tag}", new { accountId = account.Id, occurredAt = At(1) });
        var byron = await client.CreateContactAsync("Byron", $"Lovelace{tag}", new { email = $"byron@{tag}.example", occurredAt = At(2) });
        var charles = await client.CreateContactAsync("Charles", $"Babbage{tag}", new { accountId = account.Id, occurredAt = At(3) });

        Assert.Equal([charles.Id, ada.Id], await client.AllIdsAsync($"/api/v1/contacts?accountId={account.Id}&sort=name"));
        Assert.Equal([charles.Id, ada.Id, byron.Id], await client.AllIdsAsync($"/api/v1/contacts?q={tag}&sort=name&limit=1"));
        Assert.Equal([charles.Id, byron.Id, ada.Id], await client.AllIdsAsync($"/api/v1/contacts?q={tag}&limit=2"));
        Assert.Equal([ada.Id], await client.AllIdsAsync($"/api/v1/contacts?q={Uri.EscapeDataString($"ada lovelace{tag}")}"));
        Assert.Equal([byron.Id], await client.AllIdsAsync($"/api/v1/contacts?q={Uri.EscapeDataString($"@{tag}.EXAMPLE")}"));
        Assert.Equal([charles.Id], await client.AllIdsAsync($"/api/v1/contacts?q={Uri.EscapeDataString($"Babbage{tag} Charles")}"));
    }

    [Fact]
    public async Task Deleted_contacts_answer_404_and_are_restored_by_the_owners_manager()
    {
        var people = await factory.TeamPeopleAsync();
        var contact = await people.Rep.Client.CreateContactAsync();
        var path = $"/api/v1/contacts/{contact.Id}";

        Assert.Equal(HttpStatusCode.NoContent, (await people.Rep.Client.DeleteAsync(path)).StatusCode);
        await (await people.OtherRep.Client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(contact.Id, await people.Rep.Client.AllIdsAsync($"/api/v1/contacts?q={contact.LastName}"));
        await (await people.Rep.Client.PostAsync($"{path}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var restored = await people.Manager.Client.PostAsync($"{path}/restore", null);

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("\"3\"", restored.Headers.ETag?.ToString());
        Assert.Equal([contact.Id], await people.Rep.Client.AllIdsAsync($"/api/v1/contacts?q={contact.LastName}"));
    }

    [Fact]
    public async Task Known_external_ids_return_the_existing_contact_and_idempotency_keys_replay()
    {
        var (rep, _) = await factory.PersonAsync("rep");
        var (_, sync) = await factory.IntegrationAsync("opportunities:write");
        var externalId = $"c-{Guid.NewGuid():N}";
        var body = new { firstName = "Alan", lastName = "Turing", ownerId = rep.Id, externalId };

        var first = await sync.PostAsJsonAsync("/api/v1/contacts", body);
        var again = await sync.PostAsJsonAsync("/api/v1/contacts", body with { firstName = "Changed" });
        var keyed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/contacts") { Content = JsonContent.Create(new { firstName = "K", lastName = "Key", ownerId = rep.Id }) };
        keyed.Headers.Add("Idempotency-Key", "contact-key");
        var keyedFirst = await sync.SendAsync(keyed);
        var keyedAgain = new HttpRequestMessage(HttpMethod.Post, "/api/v1/contacts") { Content = JsonContent.Create(new { firstName = "K", lastName = "Key", ownerId = rep.Id }) };
        keyedAgain.Headers.Add("Idempotency-Key", "contact-key");
        var replay = await sync.SendAsync(keyedAgain);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.ReadAsync<ContactDto>(), await again.ReadAsync<ContactDto>());
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal((await keyedFirst.ReadAsync<ContactDto>()).Id, (await replay.ReadAsync<ContactDto>()).Id);
    }

    [Fact]
    public async Task Integrations_without_a_directory_scope_are_refused()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var contact = await client.CreateContactAsync();
        var (_, activities) = await factory.IntegrationAsync("activities:write");
        var (_, reader) = await factory.IntegrationAsync("directory:read");

        await (await activities.GetAsync($"/api/v1/contacts/{contact.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/contacts/{contact.Id}")).StatusCode);
        await (await reader.DeleteAsync($"/api/v1/contacts/{contact.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static DateTimeOffset At(int minute) => new(2022, 5, 1, 9, minute, 0, TimeSpan.Zero);
}
