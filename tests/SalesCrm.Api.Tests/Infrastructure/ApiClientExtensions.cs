using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SalesCrm.Application.Auth.CreateToken;
using SalesCrm.Application.People;

namespace SalesCrm.Api.Tests.Infrastructure;

/// <summary>What every HTTP test does: sign in for real, call with the bearer token, read JSON and problems.</summary>
public static class ApiClientExtensions
{
    public static async Task<TokenResponse> SignInAsync(this ApiFactory factory, string email, string password)
    {
        using var client = factory.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "password", email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(Json.Options))!;
    }

    /// <summary>A client whose every API response is checked against the statuses openapi.yaml documents.</summary>
    public static HttpClient Client(this ApiFactory factory) => factory.CreateDefaultClient(new DocumentedStatusHandler());

    public static HttpClient ClientWithToken(this ApiFactory factory, string accessToken)
    {
        var client = factory.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static async Task<HttpClient> AdminClientAsync(this ApiFactory factory) =>
        factory.ClientWithToken((await factory.SignInAsync(ApiFactory.AdminEmail, ApiFactory.AdminPassword)).AccessToken);

    /// <summary>Creates a person through the admin API and returns them with a signed-in client.</summary>
    public static async Task<(UserDto User, HttpClient Client)> PersonAsync(
        this ApiFactory factory, string role, Guid? teamId = null, string? email = null)
    {
        using var admin = await factory.AdminClientAsync();
        email ??= $"{role}-{Guid.NewGuid():N}@tests.example.com";
        const string password = "Person-Password-1";
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = $"Test {role}", role, teamId, password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = (await response.Content.ReadFromJsonAsync<UserDto>(Json.Options))!;
        var token = await factory.SignInAsync(email, password);
        return (user, factory.ClientWithToken(token.AccessToken));
    }

    public static async Task<TeamDto> TeamAsync(this ApiFactory factory, string? name = null)
    {
        using var admin = await factory.AdminClientAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/teams", new { name = name ?? $"Team {Guid.NewGuid():N}" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TeamDto>(Json.Options))!;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json.Options))!;

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json.Options);

    /// <summary>Asserts the status and that the body is problem details with a stable type; returns the problem.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.StartsWith("urn:salescrm:problem:", problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        return problem;
    }

    /// <summary>The fields a problem's <c>errors</c> names (none when it has no <c>errors</c>).</summary>
    public static string[] ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(p => p.Name)] : [];

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");
}
