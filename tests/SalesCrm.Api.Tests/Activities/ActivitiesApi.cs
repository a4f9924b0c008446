using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Application.Activities;
using SalesCrm.Application.Auth.CreateToken;
using SalesCrm.Application.FollowUps;
using SalesCrm.Application.Integrations.CreateIntegrationClient;
using SalesCrm.Application.People;

namespace SalesCrm.Api.Tests.Activities;

/// <summary>Helpers for the activity, follow-up and timeline tests.</summary>
public static class ActivitiesApi
{
    public const string Calls = "/api/v1/activities/calls";
    public const string Emails = "/api/v1/activities/emails";
    public const string Meetings = "/api/v1/activities/meetings";
    public const string Notes = "/api/v1/activities/notes";
    public const string Batch = "/api/v1/activities/batch";
    public const string FollowUpsPath = "/api/v1/follow-ups";

    /// <summary>A JSON body: the base fields with <paramref name="extra"/>'s properties added or replaced (a null value removes the field).</summary>
    public static Dictionary<string, object?> Body(object basis, object? extra = null)
    {
        var body = new Dictionary<string, object?>();
        foreach (var source in new[] { basis, extra })
        {
            if (source is IDictionary<string, object?> fields)
            {
                foreach (var (name, value) in fields)
                {
                    body[name] = value;
                }

                continue;
            }

            foreach (var property in source?.GetType().GetProperties() ?? [])
            {
                body[property.Name] = property.GetValue(source);
            }
        }

        foreach (var key in body.Where(p => p.Value is Omit).Select(p => p.Key).ToList())
        {
            body.Remove(key);
        }

        return body;
    }

    /// <summary>Put this as a value in <c>extra</c> to leave the field out of the body.</summary>
    public static readonly object Omitted = new Omit();

    public static Dictionary<string, object?> Call(Guid accountId, object? extra = null) =>
        Body(new { direction = "outbound", outcome = "connected", durationSeconds = 120, notes = "Talked pricing.", accountId }, extra);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json.Options) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<ActivityDto> LogAsync(this HttpClient client, string path, object body)
    {
        var response = await client.PostJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<ActivityDto>();
    }

    public static Task<ActivityDto> LogCallAsync(this HttpClient client, Guid accountId, object? extra = null) =>
        client.LogAsync(Calls, Call(accountId, extra));

    public static async Task<FollowUpDto> PlanAsync(this HttpClient client, object body)
    {
        var response = await client.PostJsonAsync(FollowUpsPath, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<FollowUpDto>();
    }

    public static Task<HttpResponseMessage> WithIfMatchAsync(this HttpClient client, HttpMethod method, string path, object? body, int? version)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json.Options);
        }

        if (version is { } v)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        }

        return client.SendAsync(request);
    }

    public static Task<long> ActivityCountAsync(this ApiFactory factory) =>
        factory.ScalarSqlAsync("SELECT COUNT(*) FROM activities");

    public static Task<long> FollowUpCountAsync(this ApiFactory factory) =>
        factory.ScalarSqlAsync("SELECT COUNT(*) FROM follow_ups");

    /// <summary>An integration client with the given scopes, signed in with client credentials.</summary>
    public static async Task<HttpClient> ActivityIntegrationAsync(this ApiFactory factory, params string[] scopes)
    {
        using var admin = await factory.AdminClientAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/integration-clients", new { name = "Dialer", scopes })).ReadAsync<IntegrationClientCreated>();
        using var anonymous = factory.Client();
        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { grantType = "client_credentials", clientId = created.ClientId, clientSecret = created.ClientSecret });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        return factory.ClientWithToken((await token.ReadAsync<TokenResponse>()).AccessToken);
    }

    /// <summary>Two teams: each with a manager and a rep, signed in.</summary>
    public static async Task<Org> OrgAsync(this ApiFactory factory)
    {
        var team = await factory.TeamAsync();
        var other = await factory.TeamAsync();
        return new Org(
            team,
            await factory.PersonAsync("manager", team.Id),
            await factory.PersonAsync("rep", team.Id),
            await factory.PersonAsync("rep", team.Id),
            await factory.PersonAsync("manager", other.Id),
            await factory.PersonAsync("rep", other.Id));
    }

    public static async Task<List<T>> AllAsync<T>(this HttpClient client, string path)
    {
        var all = new List<T>();
        string? cursor = null;
        do
        {
            var separator = path.Contains('?') ? '&' : '?';
            var response = await client.GetAsync(cursor is null ? path : $"{path}{separator}cursor={cursor}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var page = await response.ReadAsync<Application.Common.Paging.Page<T>>();
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return all;
    }

    private sealed class Omit;
}

/// <summary>A team (manager, rep, second rep) and another team (manager, rep).</summary>
public sealed record Org(
    TeamDto Team,
    (UserDto User, HttpClient Client) Manager,
    (UserDto User, HttpClient Client) Rep,
    (UserDto User, HttpClient Client) Teammate,
    (UserDto User, HttpClient Client) OtherManager,
    (UserDto User, HttpClient Client) OtherRep);
