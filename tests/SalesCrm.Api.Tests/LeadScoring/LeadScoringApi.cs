using System.Net;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.LeadScoring;
using SalesCrm.Application.Leads;

namespace SalesCrm.Api.Tests.LeadScoring;

/// <summary>Helpers for the lead scoring tests: events posted over HTTP and the organisation's settings.</summary>
public static class LeadScoringApi
{
    public const string Rules = "/api/v1/lead-scoring/rules";
    public const string Settings = "/api/v1/lead-scoring/settings";

    public static string Events(Guid leadId) => $"/api/v1/leads/{leadId}/events";

    public static async Task<LeadEventRecordedDto> ScoreAsync(this HttpClient client, Guid leadId, string type, object? extra = null)
    {
        var response = await client.PostJsonAsync(Events(leadId), ActivitiesApi.Body(new { type }, extra));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<LeadEventRecordedDto>();
    }

    public static async Task<LeadDto> LeadAsync(this HttpClient client, Guid leadId) =>
        await (await client.GetAsync($"/api/v1/leads/{leadId}")).ReadAsync<LeadDto>();

    public static async Task<List<LeadScoreEventDto>> EventsAsync(this HttpClient client, Guid leadId) =>
        await (await client.GetAsync(Events(leadId))).ReadAsync<List<LeadScoreEventDto>>();

    /// <summary>Sets the organisation's threshold and assignment rule (admin), whatever the settings' current version.</summary>
    public static async Task SetScoringAsync(this ApiFactory factory, int threshold, string assignment = "none", Guid? teamId = null, Guid? userId = null)
    {
        using var admin = await factory.AdminClientAsync();
        var current = await (await admin.GetAsync(Settings)).ReadAsync<ScoringSettingsDto>();
        var response = await admin.WithIfMatchAsync(HttpMethod.Put, Settings, new { threshold, assignment, teamId, userId }, current.Version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
