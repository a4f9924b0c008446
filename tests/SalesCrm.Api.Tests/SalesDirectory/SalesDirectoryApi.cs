using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Accounts;
using SalesCrm.Application.Auth.CreateToken;
using SalesCrm.Application.Contacts;
using SalesCrm.Application.Integrations.CreateIntegrationClient;
using SalesCrm.Application.People;

namespace SalesCrm.Api.Tests.SalesDirectory;

/// <summary>Helpers for the directory (and lead) tests: records created over HTTP, guarded writes, integration clients.</summary>
public static class SalesDirectoryApi
{
    public static async Task<AccountDto> CreateAccountAsync(this HttpClient client, string? name = null, object? extra = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/accounts", Merge(new { name = name ?? $"Acme {Guid.NewGuid():N}" }, extra));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<AccountDto>();
    }

    public static async Task<ContactDto> CreateContactAsync(
        this HttpClient client, string firstName = "Ada", string? lastName = null, object? extra = null)
    {
        var response = await client.PostAsJsonAsync(
            "/api/v1/contacts", Merge(new { firstName, lastName = lastName ?? $"Lovelace{Guid.NewGuid():N}" }, extra));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<ContactDto>();
    }

    /// <summary>A request carrying <c>If-Match</c> with the given version (null: no header).</summary>
    public static HttpRequestMessage Guarded(HttpMethod method, string path, object? body, int? version)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (version is { } v)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        }

        return request;
    }

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string path, object body, int? version) =>
        client.SendAsync(Guarded(HttpMethod.Put, path, body, version));

    public static Task<HttpResponseMessage> PostGuardedAsync(this HttpClient client, string path, object body, int? version) =>
        client.SendAsync(Guarded(HttpMethod.Post, path, body, version));

    /// <summary>An integration client with the given scopes, signed in with client credentials.</summary>
    public static async Task<(IntegrationClientCreated Client, HttpClient Http)> IntegrationAsync(this ApiFactory factory, params string[] scopes)
    {
        using var admin = await factory.AdminClientAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/integration-clients", new { name = "Sync", scopes })).ReadAsync<IntegrationClientCreated>();
        using var anonymous = factory.Client();
        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { grantType = "client_credentials", clientId = created.ClientId, clientSecret = created.ClientSecret });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        return (created, factory.ClientWithToken((await token.ReadAsync<TokenResponse>()).AccessToken));
    }

    /// <summary>A team with a manager and two reps, each signed in.</summary>
    public static async Task<TeamPeople> TeamPeopleAsync(this ApiFactory factory)
    {
        var team = await factory.TeamAsync();
        var manager = await factory.PersonAsync("manager", team.Id);
        var rep = await factory.PersonAsync("rep", team.Id);
        var otherRep = await factory.PersonAsync("rep", team.Id);
        return new TeamPeople(team, manager, rep, otherRep);
    }

    /// <summary>Every id on every page of a list, following cursors.</summary>
    public static async Task<List<Guid>> AllIdsAsync(this HttpClient client, string path)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            var separator = path.Contains('?') ? '&' : '?';
            var response = await client.GetAsync(cursor is null ? path : $"{path}{separator}cursor={cursor}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var page = await response.ReadJsonAsync();
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return ids;
    }

    private static Dictionary<string, object?> Merge(object first, object? second)
    {
        var merged = new Dictionary<string, object?>();
        foreach (var source in new[] { first, second })
        {
            if (source is null)
            {
                continue;
            }

            foreach (var property in source.GetType().GetProperties())
            {
                merged[property.Name] = property.GetValue(source);
            }
        }

        return merged;
    }
}

public sealed record TeamPeople(
    TeamDto Team,
    (UserDto User, HttpClient Client) Manager,
    (UserDto User, HttpClient Client) Rep,
    (UserDto User, HttpClient Client) OtherRep);
