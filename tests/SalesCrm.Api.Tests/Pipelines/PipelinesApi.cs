using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Auth.CreateToken;
using SalesCrm.Application.Integrations.CreateIntegrationClient;
using SalesCrm.Application.Pipelines;

namespace SalesCrm.Api.Tests.Pipelines;

/// <summary>Helpers for the pipeline, lost-reason and opportunity tests: the seeded pipeline, integrations, If-Match requests.</summary>
public static class PipelinesApi
{
    public static readonly Guid DefaultPipelineId = Guid.Parse("0190f1a0-0000-7000-8000-000000000001");
    public static readonly Guid Discovery = Guid.Parse("0190f1a0-0000-7000-8000-000000000101");
    public static readonly Guid Qualified = Guid.Parse("0190f1a0-0000-7000-8000-000000000102");
    public static readonly Guid Demo = Guid.Parse("0190f1a0-0000-7000-8000-000000000103");
    public static readonly Guid Trial = Guid.Parse("0190f1a0-0000-7000-8000-000000000104");
    public static readonly Guid FinalConversation = Guid.Parse("0190f1a0-0000-7000-8000-000000000105");
    public static readonly Guid Won = Guid.Parse("0190f1a0-0000-7000-8000-000000000106");
    public static readonly Guid Lost = Guid.Parse("0190f1a0-0000-7000-8000-000000000107");
    public static readonly Guid PriceReason = Guid.Parse("0190f1a0-0000-7000-8000-000000000201");
    public static readonly Guid CompetitorReason = Guid.Parse("0190f1a0-0000-7000-8000-000000000203");

    /// <summary>An integration client with the given scopes, signed in.</summary>
    public static async Task<HttpClient> IntegrationAsync(this ApiFactory factory, params string[] scopes)
    {
        using var admin = await factory.AdminClientAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/integration-clients", new { name = "Sync", scopes })).ReadAsync<IntegrationClientCreated>();
        using var anonymous = factory.Client();
        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { grantType = "client_credentials", clientId = created.ClientId, clientSecret = created.ClientSecret });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        return factory.ClientWithToken((await token.ReadAsync<TokenResponse>()).AccessToken);
    }

    /// <summary>A request with a JSON body and, when given, an <c>If-Match</c> version.</summary>
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, object? body, int? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json.Options);
        }

        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        }

        return client.SendAsync(request);
    }

    public static async Task<PipelineDto> CreatePipelineAsync(this ApiFactory factory, params string[] openStages)
    {
        using var admin = await factory.AdminClientAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/pipelines", new
        {
            name = $"Pipeline {Guid.NewGuid():N}",
            stages = openStages.Select((name, i) => new { name, probability = (i + 1) * 10 }).ToArray(),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<PipelineDto>();
    }

    public static async Task<PipelineDto> PipelineAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/pipelines/{id}")).ReadAsync<PipelineDto>();
}
