using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.People;
using SalesCrm.Domain.People;

namespace SalesCrm.Api.Tests.People;

public sealed class UserAdministrationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Creating_a_user_returns_201_with_location_and_etag()
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { email = "New.Person@Tests.Example.com", displayName = "New Person", role = "rep", password = "Person-Password-1" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await response.ReadAsync<UserDto>();
        Assert.Equal("new.person@tests.example.com", user.Email);
        Assert.Equal($"/api/v1/users/{user.Id}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal(7, (int)(user.Id.ToByteArray(bigEndian: true)[6] >> 4));
    }

    [Fact]
    public async Task A_duplicate_email_is_409_naming_email()
    {
        var (existing, _) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { email = existing.Email.ToUpperInvariant(), displayName = "Twin", role = "rep", password = "Person-Password-1" });

        Assert.Equal(["email"], (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ErrorFields());
    }

    [Fact]
    public async Task A_manager_needs_a_team_and_the_team_must_exist()
    {
        using var admin = await factory.AdminClientAsync();

        var noTeam = await admin.PostAsJsonAsync("/api/v1/users",
            new { email = "m1@tests.example.com", displayName = "M", role = "manager", password = "Person-Password-1" });
        var unknownTeam = await admin.PostAsJsonAsync("/api/v1/users",
            new { email = "m2@tests.example.com", displayName = "M", role = "manager", password = "Person-Password-1", teamId = Guid.NewGuid() });

        Assert.Equal(["teamId"], (await noTeam.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["teamId"], (await unknownTeam.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Updates_need_the_current_etag()
    {
        var team = await factory.TeamAsync();
        var (user, _) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();
        var body = new { displayName = "Promoted", role = "manager", teamId = team.Id };

        await (await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}", body)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        var updated = await admin.SendAsync(Put($"/api/v1/users/{user.Id}", body, "\"1\""));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(Role.Manager, (await updated.ReadAsync<UserDto>()).Role);
        Assert.Equal("\"2\"", updated.Headers.ETag?.ToString());

        var stale = await admin.SendAsync(Put($"/api/v1/users/{user.Id}", body with { displayName = "Lost update" }, "\"1\""));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var current = await (await admin.GetAsync($"/api/v1/users/{user.Id}")).ReadAsync<UserDto>();
        Assert.Equal("Promoted", current.DisplayName);
    }

    [Fact]
    public async Task A_role_change_applies_to_the_next_request_of_an_existing_token()
    {
        var (user, client) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/integration-clients")).StatusCode);

        await admin.SendAsync(Put($"/api/v1/users/{user.Id}", new { displayName = "Now admin", role = "admin" }, "\"1\""));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/integration-clients")).StatusCode);
    }

    [Fact]
    public async Task Users_page_with_cursors_without_gaps_or_repeats()
    {
        for (var i = 0; i < 5; i++)
        {
            await factory.PersonAsync("rep");
        }

        using var admin = await factory.AdminClientAsync();
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"/api/v1/users?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.True(seen.Count >= 6);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(seen.Order(), seen);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themself()
    {
        using var admin = await factory.AdminClientAsync();
        var me = await (await admin.GetAsync("/api/v1/me")).ReadAsync<Application.Me.GetMe.MeResponse>();

        var response = await admin.PostAsync($"/api/v1/users/{me.Id}/deactivate", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.True((await (await admin.GetAsync($"/api/v1/users/{me.Id}")).ReadAsync<UserDto>()).IsActive);
    }

    [Fact]
    public async Task Users_are_found_by_part_of_their_email_or_name_ignoring_case()
    {
        using var admin = await factory.AdminClientAsync();
        await admin.PostAsJsonAsync("/api/v1/users", new { email = "zelda.fitz@tests.example.com", displayName = "Zelda Fitzgerald", role = "rep", password = "Person-Password-1" });
        await admin.PostAsJsonAsync("/api/v1/users", new { email = "percent%sign@tests.example.com", displayName = "Per Cent", role = "rep", password = "Person-Password-1" });

        var byName = await (await admin.GetAsync("/api/v1/users?q=FITZG")).ReadAsync<Application.Common.Paging.Page<UserDto>>();
        var literal = await (await admin.GetAsync("/api/v1/users?q=%25sign")).ReadAsync<Application.Common.Paging.Page<UserDto>>();

        Assert.Equal(["zelda.fitz@tests.example.com"], byName.Items.Select(u => u.Email));
        Assert.Equal(["percent%sign@tests.example.com"], literal.Items.Select(u => u.Email));
    }

    private static HttpRequestMessage Put(string path, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }
}
