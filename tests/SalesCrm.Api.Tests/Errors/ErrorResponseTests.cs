using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;

namespace SalesCrm.Api.Tests.Errors;

/// <summary>Each way a request can be wrong gets its status as problem details with a stable type and a trace id.</summary>
public sealed class ErrorResponseTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Validation_errors_are_400_keyed_by_json_field_names()
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { email = "not-an-email", displayName = "", role = "rep", password = "short" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("urn:salescrm:problem:validation", problem.GetProperty("type").GetString());
        Assert.Equal(["displayName", "email", "password"], problem.ErrorFields().Order());
    }

    [Theory]
    [InlineData("{\"name\": ", "name")]
    [InlineData("[1,2]", "body")]
    [InlineData("{\"name\": 12}", "name")]
    [InlineData("{\"name\": \"Sales\", \"budget\": 5}", "budget")]
    [InlineData("{}", "name")]
    [InlineData("{\"name\": null}", "name")]
    public async Task Malformed_or_mistyped_json_is_400_naming_the_field(string body, string field)
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsync("/api/v1/teams", ApiClientExtensions.JsonBody(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
    }

    [Fact]
    public async Task Numbers_sent_as_strings_are_refused()
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.GetAsync("/api/v1/users?limit=ten");

        Assert.Equal(["limit"], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Every_bad_query_parameter_of_a_metric_is_named_in_one_answer()
    {
        using var admin = await factory.AdminClientAsync();

        var windowed = await admin.GetAsync("/api/v1/metrics/activity?to=2025-01-01&bucket=fortnight");
        var explain = await admin.GetAsync("/api/v1/metrics/activity/explain?figure=everything");
        var leaderboard = await admin.GetAsync("/api/v1/metrics/leaderboard?from=2025-01-01&rankBy=luck");

        Assert.Equal(["bucket", "from"], (await windowed.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().Order());
        Assert.Equal(["figure", "from", "to"], (await explain.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().Order());
        Assert.Equal(["rankBy", "to"], (await leaderboard.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().Order());
    }

    [Fact]
    public async Task An_unknown_api_route_is_404_problem()
    {
        using var admin = await factory.AdminClientAsync();

        await (await admin.GetAsync("/api/v1/no-such-thing")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_record_is_404_problem()
    {
        using var admin = await factory.AdminClientAsync();

        await (await admin.GetAsync($"/api/v1/teams/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_method_is_405_problem()
    {
        using var admin = await factory.AdminClientAsync();

        await (await admin.DeleteAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_non_json_body_is_415_problem()
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsync("/api/v1/teams", new StringContent("name=Sales", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_oversize_body_is_413_problem_and_writes_nothing()
    {
        using var admin = await factory.AdminClientAsync();
        var name = new string('x', 3 * 1024 * 1024);

        var response = await admin.PostAsync("/api/v1/teams", ApiClientExtensions.JsonBody($"{{\"name\":\"{name}\"}}"));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_duplicate_is_409_and_a_stale_version_412_and_a_missing_one_428()
    {
        var team = await factory.TeamAsync();
        using var admin = await factory.AdminClientAsync();

        var duplicate = await admin.PostAsJsonAsync("/api/v1/teams", new { name = team.Name });
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var missing = await admin.PutAsJsonAsync($"/api/v1/teams/{team.Id}", new { name = "Renamed" });
        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/teams/{team.Id}") { Content = JsonContent.Create(new { name = "Renamed" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        await (await admin.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_rejected_request_changes_nothing()
    {
        using var admin = await factory.AdminClientAsync();
        var before = await (await admin.GetAsync("/api/v1/organisation")).Content.ReadAsStringAsync();

        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/organisation")
        {
            Content = JsonContent.Create(new { name = "Renamed", timeZone = "Mars/Olympus", currency = "EUR" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var problem = await (await admin.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["timeZone"], problem.ErrorFields());
        Assert.Equal(before, await (await admin.GetAsync("/api/v1/organisation")).Content.ReadAsStringAsync());
    }
}
