using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Readiness;
using static SalesCrm.Api.Tests.Readiness.ReadinessApi;

namespace SalesCrm.Api.Tests.Readiness;

/// <summary>Admins manage certifications: create, change (If-Match), archive, and delete only while unused.</summary>
public sealed class CertificationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_admin_creates_changes_and_archives_a_certification()
    {
        using var admin = await factory.AdminClientAsync();
        var (_, rep) = await factory.PersonAsync("rep");
        var created = await admin.CertificationAsync("Discovery", required: true, validityMonths: 24);
        Assert.Equal((true, (int?)24, 1, (DateTimeOffset?)null), (created.Required, created.ValidityMonths, created.Version, created.ArchivedAt));

        var changed = await admin.WithIfMatchAsync(HttpMethod.Put, $"{Certifications}/{created.Id}",
            new { name = created.Name, required = false, validityMonths = (int?)null }, created.Version);
        var updated = await changed.ReadAsync<CertificationDto>();
        Assert.Equal((false, (int?)null, 2), (updated.Required, updated.ValidityMonths, updated.Version));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.WithIfMatchAsync(HttpMethod.Put, $"{Certifications}/{created.Id}",
            new { name = "Stale", required = true }, 1)).StatusCode);

        var archived = await (await admin.PostAsync($"{Certifications}/{created.Id}/archive", null)).ReadAsync<CertificationDto>();
        Assert.NotNull(archived.ArchivedAt);
        Assert.DoesNotContain(created.Id, (await rep.OkAsync<List<CertificationDto>>(Certifications)).Select(c => c.Id));     // readable by reps
        Assert.Contains(created.Id, (await rep.OkAsync<List<CertificationDto>>($"{Certifications}?includeArchived=true")).Select(c => c.Id));
    }

    [Fact]
    public async Task A_certification_is_deleted_while_unused_and_archived_once_used()
    {
        using var admin = await factory.AdminClientAsync();
        var (repUser, _) = await factory.PersonAsync("rep");
        var unused = await admin.CertificationAsync("Unused", required: false, validityMonths: null);
        var used = await admin.CertificationAsync("Used", required: false, validityMonths: null);
        await admin.AssessAsync(repUser.Id, used.Id, 75, true, "2025-02-01");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Certifications}/{unused.Id}")).StatusCode);
        await (await admin.GetAsync($"{Certifications}/{unused.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"{Certifications}/{used.Id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{Certifications}/{used.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_live_name_is_taken_ignoring_case()
    {
        using var admin = await factory.AdminClientAsync();
        var first = await admin.CertificationAsync("Pricing", required: false, validityMonths: null);

        var again = await admin.PostAsJsonAsync(Certifications, new { name = first.Name.ToUpperInvariant(), required = true });

        Assert.Equal(["name"], (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ErrorFields());
    }

    [Theory]
    [InlineData("""{"name":"X","required":true,"validityMonths":-1}""", "validityMonths")]
    [InlineData("""{"name":"X","required":true,"validityMonths":0}""", "validityMonths")]
    [InlineData("""{"name":" ","required":true}""", "name")]
    public async Task Bad_certifications_are_400_naming_the_field_and_write_nothing(string body, string field)
    {
        using var admin = await factory.AdminClientAsync();
        var before = (await admin.OkAsync<List<CertificationDto>>($"{Certifications}?includeArchived=true")).Count;

        var response = await admin.PostAsync(Certifications, ApiClientExtensions.JsonBody(body));

        Assert.Equal([field], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(before, (await admin.OkAsync<List<CertificationDto>>($"{Certifications}?includeArchived=true")).Count);
    }

    [Fact]
    public async Task An_unknown_certification_is_404()
    {
        using var admin = await factory.AdminClientAsync();

        await (await admin.GetAsync($"{Certifications}/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"{Certifications}/{Guid.NewGuid()}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
