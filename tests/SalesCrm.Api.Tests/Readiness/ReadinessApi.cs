using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.People;
using SalesCrm.Application.Readiness;

namespace SalesCrm.Api.Tests.Readiness;

/// <summary>Helpers for the readiness tests: certifications, assessments and reps with a name.</summary>
public static class ReadinessApi
{
    public const string Certifications = "/api/v1/certifications";
    public const string ReadinessPath = "/api/v1/readiness";

    public static async Task<CertificationDto> CertificationAsync(this HttpClient admin, string name, bool required, int? validityMonths)
    {
        var response = await admin.PostAsJsonAsync(Certifications, new { name = $"{name} {Guid.NewGuid():N}", required, validityMonths });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CertificationDto>();
    }

    public static async Task<AssessmentDto> AssessAsync(
        this HttpClient client, Guid repId, Guid? certificationId, int score, bool passed, string assessedOn, string? name = null)
    {
        var response = await client.PostJsonAsync($"/api/v1/users/{repId}/assessments", new { certificationId, name, score, passed, assessedOn });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<AssessmentDto>();
    }

    public static async Task<T> OkAsync<T>(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<T>();
    }

    /// <summary>A person with a display name of our choosing (names order the rows).</summary>
    public static async Task<(UserDto User, HttpClient Client)> NamedAsync(this ApiFactory factory, string role, Guid teamId, string name, string? startedOn = null)
    {
        var (user, client) = await factory.PersonAsync(role, teamId);
        using var admin = await factory.AdminClientAsync();
        var response = await admin.WithIfMatchAsync(HttpMethod.Put, $"/api/v1/users/{user.Id}", new { displayName = name, role, teamId, startedOn }, user.Version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<UserDto>(), client);
    }
}
