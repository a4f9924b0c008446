using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;

namespace SalesCrm.Api.Tests.People;

/// <summary>Every admin-only operation, called as a rep and as a manager, is refused; as an admin it is not.</summary>
public sealed class AdminEndpointRoleTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string, string> AdminOnlyOperations => new()
    {
        { "POST", "/api/v1/users", """{"email":"x@tests.example.com","displayName":"X","role":"rep","password":"Person-Password-1"}""" },
        { "PUT", "/api/v1/users/{user}", """{"displayName":"X","role":"rep"}""" },
        { "POST", "/api/v1/users/{user}/deactivate", "" },
        { "POST", "/api/v1/users/{user}/reactivate", "" },
        { "POST", "/api/v1/teams", """{"name":"Role test team"}""" },
        { "PUT", "/api/v1/teams/{team}", """{"name":"Renamed"}""" },
        { "GET", "/api/v1/integration-clients", "" },
        { "POST", "/api/v1/integration-clients", """{"name":"Dialer","scopes":["metrics:read"]}""" },
        { "DELETE", "/api/v1/integration-clients/{user}", "" },
        { "PUT", "/api/v1/organisation", """{"name":"X","timeZone":"UTC","currency":"EUR"}""" },
        { "POST", "/api/v1/calendar/non-working-days", """{"date":"2099-01-05","name":"Role test day"}""" },
        { "DELETE", "/api/v1/calendar/non-working-days/2099-01-06", "" },
        { "POST", "/api/v1/commission/plans", """{"name":"Role test plan","basePay":0,"target":1000,"rate":0.1,"threshold":1,"period":"month"}""" },
        { "POST", "/api/v1/certifications", """{"name":"Role test certification","required":false}""" },
        { "PUT", "/api/v1/certifications/00000000-0000-0000-0000-0000000000c1", """{"name":"Renamed","required":true}""" },
        { "POST", "/api/v1/certifications/00000000-0000-0000-0000-0000000000c1/archive", "" },
        { "DELETE", "/api/v1/certifications/00000000-0000-0000-0000-0000000000c1", "" },
        { "POST", "/api/v1/lead-scoring/rules", """{"type":"role_test_event","points":5}""" },
        { "PUT", "/api/v1/lead-scoring/rules/email_opened", """{"points":2}""" },
        { "DELETE", "/api/v1/lead-scoring/rules/role_test_missing", "" },
        { "PUT", "/api/v1/lead-scoring/settings", """{"threshold":25,"assignment":"none"}""" },
    };

    [Theory]
    [MemberData(nameof(AdminOnlyOperations))]
    public async Task Reps_and_managers_get_403(string method, string path, string body)
    {
        var team = await factory.TeamAsync();
        var (rep, repClient) = await factory.PersonAsync("rep", team.Id);
        var (_, managerClient) = await factory.PersonAsync("manager", team.Id);

        foreach (var client in new[] { repClient, managerClient })
        {
            var response = await client.SendAsync(Request(method, path.Replace("{user}", rep.Id.ToString()).Replace("{team}", team.Id.ToString()), body));
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [MemberData(nameof(AdminOnlyOperations))]
    public async Task Admins_are_not_refused(string method, string path, string body)
    {
        var team = await factory.TeamAsync();
        var (rep, _) = await factory.PersonAsync("rep", team.Id);
        using var admin = await factory.AdminClientAsync();
        var request = Request(method, path.Replace("{user}", rep.Id.ToString()).Replace("{team}", team.Id.ToString()), body);
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        var response = await admin.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_manager_lists_only_their_own_team_and_gets_404_for_others()
    {
        var mine = await factory.TeamAsync();
        var other = await factory.TeamAsync();
        var (myRep, _) = await factory.PersonAsync("rep", mine.Id);
        var (otherRep, _) = await factory.PersonAsync("rep", other.Id);
        var (_, manager) = await factory.PersonAsync("manager", mine.Id);

        var listed = await (await manager.GetAsync($"/api/v1/users?teamId={other.Id}")).ReadJsonAsync();
        var ids = listed.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).ToList();

        Assert.Contains(myRep.Id, ids);
        Assert.DoesNotContain(otherRep.Id, ids);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/users/{myRep.Id}")).StatusCode);
        await (await manager.GetAsync($"/api/v1/users/{otherRep.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reps_cannot_browse_the_user_directory()
    {
        var (_, rep) = await factory.PersonAsync("rep");

        await (await rep.GetAsync("/api/v1/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Everyone_signed_in_reads_teams_and_organisation_settings()
    {
        var (_, rep) = await factory.PersonAsync("rep");

        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync("/api/v1/teams")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync("/api/v1/organisation")).StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path, string body) =>
        new(new HttpMethod(method), path) { Content = body.Length == 0 ? null : ApiClientExtensions.JsonBody(body) };
}
