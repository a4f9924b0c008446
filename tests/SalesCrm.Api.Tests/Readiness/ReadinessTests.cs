using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Readiness;
using static SalesCrm.Api.Tests.Readiness.ReadinessApi;

namespace SalesCrm.Api.Tests.Readiness;

/// <summary>
/// Readiness per rep and team, and expiring certifications. Required certifications are organisation-wide, so only
/// <see cref="Readiness_counts_required_certifications_held_and_the_share_of_the_team_certified"/> creates required ones here.
/// </summary>
public sealed class ReadinessTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Readiness_counts_required_certifications_held_and_the_share_of_the_team_certified()
    {
        using var admin = await factory.AdminClientAsync();
        var team = await factory.TeamAsync();
        var empty = await factory.TeamAsync();
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var (ana, anaClient) = await factory.NamedAsync("rep", team.Id, "Ana");
        var (ben, _) = await factory.NamedAsync("rep", team.Id, "Ben");
        var (cy, _) = await factory.NamedAsync("rep", team.Id, "Cy");
        var product = await admin.CertificationAsync("Product", required: true, validityMonths: 12);
        var security = await admin.CertificationAsync("Security", required: true, validityMonths: null);
        var negotiation = await admin.CertificationAsync("Negotiation", required: false, validityMonths: 6);
        var retired = await admin.CertificationAsync("Retired", required: true, validityMonths: null);
        // Ana: Product passed 2024-09-01 (held until 2025-09-01), Security passed 2023-01-10 (never expires): 2 of 2, ready.
        await manager.AssessAsync(ana.Id, product.Id, 90, true, "2024-09-01");
        await manager.AssessAsync(ana.Id, security.Id, 80, true, "2023-01-10");
        var anaLatest = await manager.AssessAsync(ana.Id, negotiation.Id, 55, false, "2025-06-01");
        // Ben: Product passed 2024-05-01, so it lapsed on 2025-05-01 and his retake on 2025-06-10 failed; Security held: 1 of 2.
        await manager.AssessAsync(ben.Id, product.Id, 85, true, "2024-05-01");
        await admin.AssessAsync(ben.Id, security.Id, 70, true, "2024-02-02");
        await manager.AssessAsync(ben.Id, negotiation.Id, 75, true, "2025-01-01");                     // held until 2025-07-01
        await manager.AssessAsync(ben.Id, product.Id, 60, false, "2025-06-10");
        // Cy: nothing as of 2025-06-15 (a pass dated after it does not count yet): 0 of 2.
        await manager.AssessAsync(cy.Id, product.Id, 99, true, "2025-06-20");
        await manager.AssessAsync(cy.Id, retired.Id, 99, true, "2025-01-01");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{Certifications}/{retired.Id}/archive", null)).StatusCode); // counts for nothing now

        var report = await manager.OkAsync<ReadinessReport>($"{ReadinessPath}?asOf=2025-06-15");

        Assert.Equal((new DateOnly(2025, 6, 15), team.Id, 2), (report.AsOf, report.TeamId, report.RequiredCertifications));
        Assert.Equal(["Ana", "Ben", "Cy"], report.Reps.Select(r => r.DisplayName));
        var a = report.Reps[0];
        Assert.Equal((2, 2, true), (a.RequiredHeld, a.RequiredTotal, a.Ready));
        Assert.Empty(a.Missing);
        Assert.Equal(
            [(security.Id, new DateOnly(2023, 1, 10), (DateOnly?)null), (product.Id, new DateOnly(2024, 9, 1), new DateOnly(2025, 9, 1))],
            a.Held.Select(h => (h.CertificationId, h.AssessedOn, h.ExpiresOn)).OrderBy(h => h.AssessedOn));          // 2024-09-01 + 12 months
        Assert.Equal((anaLatest.Id, 55, false, new DateOnly(2025, 6, 1)),
            (a.LatestAssessment!.AssessmentId, a.LatestAssessment.Score, a.LatestAssessment.Passed, a.LatestAssessment.AssessedOn)); // a failed one is the latest too
        var b = report.Reps[1];
        Assert.Equal((1, 2, false), (b.RequiredHeld, b.RequiredTotal, b.Ready));
        Assert.Equal([(product.Id, (DateOnly?)new DateOnly(2025, 5, 1))], b.Missing.Select(m => (m.CertificationId, m.ExpiredOn)));  // 2024-05-01 + 12 months
        Assert.Equal((60, new DateOnly(2025, 6, 10)), (b.LatestAssessment!.Score, b.LatestAssessment.AssessedOn));
        var c = report.Reps[2];
        Assert.Equal((0, false), (c.RequiredHeld, c.Ready));
        Assert.Equal((retired.Id, new DateOnly(2025, 1, 1)), (c.LatestAssessment!.CertificationId, c.LatestAssessment.AssessedOn)); // an archived one's result still shows
        Assert.Equal([(product.Id, (DateOnly?)null), (security.Id, null)], c.Missing.Select(m => (m.CertificationId, m.ExpiredOn)).OrderBy(m => m.CertificationId == security.Id));
        var t = Assert.Single(report.Teams);
        Assert.Equal((team.Id, 3, 1, 0.3333), (t.TeamId, t.Reps, t.RepsCertified, t.ShareCertified));  // 1 of 3 reps certified
        Assert.Equal((3, 1, 0.3333), (report.Summary.Reps, report.Summary.RepsCertified, report.Summary.ShareCertified));

        var later = await manager.OkAsync<ReadinessReport>($"{ReadinessPath}?asOf=2025-09-01");                // Ana's Product lapses that day; Cy's June pass counts
        Assert.Equal([false, false, false], later.Reps.Select(r => r.Ready));
        Assert.Equal([1, 1, 1], later.Reps.Select(r => r.RequiredHeld));

        var none = await admin.OkAsync<ReadinessReport>($"{ReadinessPath}?teamId={empty.Id}&asOf=2025-06-15");  // a team without reps
        Assert.Equal((0, 0, (double?)null), (none.Teams.Single().Reps, none.Teams.Single().RepsCertified, none.Teams.Single().ShareCertified));
        Assert.Empty(none.Reps);

        var own = await anaClient.OkAsync<ReadinessReport>($"{ReadinessPath}?teamId={team.Id}&asOf=2025-06-15"); // a rep: the team's share, their own row
        Assert.Equal([ana.Id], own.Reps.Select(r => r.UserId));
        Assert.Equal(0.3333, own.Teams.Single().ShareCertified);

        // Expiring as of 2025-06-15: Ben's Negotiation ends 2025-07-01 (16 days), Ana's Product 2025-09-01 (78 days).
        var soon = await manager.OkAsync<ExpiringReport>($"{ReadinessPath}/expiring?asOf=2025-06-15");        // within defaults to 30 days
        Assert.Equal([(ben.Id, negotiation.Id, new DateOnly(2025, 7, 1), 16)], soon.Certifications.Select(e => (e.UserId, e.CertificationId, e.ExpiresOn, e.DaysLeft)));
        Assert.Equal(30, soon.Within);
        var quarter = await manager.OkAsync<ExpiringReport>($"{ReadinessPath}/expiring?asOf=2025-06-15&within=90");
        Assert.Equal([(ben.Id, 16), (ana.Id, 78)], quarter.Certifications.Select(e => (e.UserId, e.DaysLeft)));
        var edge = await manager.OkAsync<ExpiringReport>($"{ReadinessPath}/expiring?asOf=2025-06-15&within=77");  // 2025-09-01 is 78 days out: not yet
        Assert.Equal([ben.Id], edge.Certifications.Select(e => e.UserId));
        var mine = await anaClient.OkAsync<ExpiringReport>($"{ReadinessPath}/expiring?asOf=2025-06-15&within=90");
        Assert.Equal([ana.Id], mine.Certifications.Select(e => e.UserId));
    }

    [Fact]
    public async Task Assessments_are_recorded_by_the_manager_or_an_admin_and_read_by_the_rep()
    {
        var team = await factory.TeamAsync();
        var (rep, repClient) = await factory.PersonAsync("rep", team.Id);
        var (managerUser, manager) = await factory.PersonAsync("manager", team.Id);
        var (assessor, _) = await factory.PersonAsync("rep", team.Id);
        using var admin = await factory.AdminClientAsync();
        var cert = await admin.CertificationAsync("Demo skills", required: false, validityMonths: null);

        var first = await manager.AssessAsync(rep.Id, cert.Id, 88, true, "2025-03-01");
        var response = await admin.PostAsJsonAsync($"/api/v1/users/{rep.Id}/assessments",
            new { name = "Role play", score = 40, passed = false, assessedOn = "2025-04-01", assessorId = assessor.Id });
        var second = await response.ReadAsync<AssessmentDto>();

        Assert.Equal((cert.Name, managerUser.Id, managerUser.Id), (first.Name, first.AssessorId, first.RecordedBy));   // the caller assessed unless named
        Assert.Equal(((Guid?)null, "Role play", assessor.Id), (second.CertificationId, second.Name, second.AssessorId));
        var listed = await repClient.OkAsync<List<AssessmentDto>>($"/api/v1/users/{rep.Id}/assessments");
        Assert.Equal([second.Id, first.Id], listed.Select(a => a.Id));                                                 // newest first
        await (await repClient.PostAsJsonAsync($"/api/v1/users/{rep.Id}/assessments", new { name = "Self", score = 100, passed = true, assessedOn = "2025-04-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_teams_rep_or_team_is_not_found()
    {
        var team = await factory.TeamAsync();
        var other = await factory.TeamAsync();
        var (rep, repClient) = await factory.PersonAsync("rep", team.Id);
        var (teammate, _) = await factory.PersonAsync("rep", team.Id);
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var (stranger, _) = await factory.PersonAsync("rep", other.Id);
        var body = new { name = "Call review", score = 70, passed = true, assessedOn = "2025-01-01" };

        await (await repClient.GetAsync($"{ReadinessPath}?userId={teammate.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await repClient.GetAsync($"{ReadinessPath}?teamId={other.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"{ReadinessPath}?userId={stranger.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"{ReadinessPath}/expiring?teamId={other.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await repClient.GetAsync($"/api/v1/users/{teammate.Id}/assessments")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"/api/v1/users/{stranger.Id}/assessments")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PostAsJsonAsync($"/api/v1/users/{stranger.Id}/assessments", body)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PostAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}/assessments", body)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await repClient.GetAsync($"/api/v1/users/{rep.Id}/assessments")).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"X","score":101,"passed":true,"assessedOn":"2025-01-01"}""", "score")]
    [InlineData("""{"name":"X","score":-1,"passed":true,"assessedOn":"2025-01-01"}""", "score")]
    [InlineData("""{"score":50,"passed":true,"assessedOn":"2025-01-01"}""", "name")]
    [InlineData("""{"name":"X","score":50,"passed":true,"assessedOn":"2999-01-01"}""", "assessedOn")]
    [InlineData("""{"certificationId":"00000000-0000-0000-0000-000000000042","score":50,"passed":true,"assessedOn":"2025-01-01"}""", "certificationId")]
    [InlineData("""{"name":"X","assessorId":"00000000-0000-0000-0000-000000000042","score":50,"passed":true,"assessedOn":"2025-01-01"}""", "assessorId")]
    public async Task Bad_assessments_are_400_naming_the_field_and_write_nothing(string body, string field)
    {
        var (rep, _) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsync($"/api/v1/users/{rep.Id}/assessments", ApiClientExtensions.JsonBody(body));

        Assert.Equal([field], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Empty(await admin.OkAsync<List<AssessmentDto>>($"/api/v1/users/{rep.Id}/assessments"));
    }

    [Fact]
    public async Task An_assessment_dated_tomorrow_in_the_organisations_zone_is_refused()
    {
        // The organisation's zone is UTC here: tomorrow's date is after today there.
        var (rep, _) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await admin.PostAsJsonAsync($"/api/v1/users/{rep.Id}/assessments", new { name = "Call review", score = 70, passed = true, assessedOn = tomorrow });

        Assert.Equal(["assessedOn"], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Empty(await admin.OkAsync<List<AssessmentDto>>($"/api/v1/users/{rep.Id}/assessments"));
    }

    [Fact]
    public async Task An_archived_certification_cannot_be_assessed()
    {
        var (rep, _) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();
        var cert = await admin.CertificationAsync("Old", required: false, validityMonths: 3);
        await admin.PostAsync($"{Certifications}/{cert.Id}/archive", null);

        var response = await admin.PostAsJsonAsync($"/api/v1/users/{rep.Id}/assessments", new { certificationId = cert.Id, score = 50, passed = true, assessedOn = "2025-01-01" });

        Assert.Equal(["certificationId"], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Theory]
    [InlineData(ReadinessPath + "/expiring?within=0", "within")]
    [InlineData(ReadinessPath + "/expiring?within=366", "within")]
    [InlineData(ReadinessPath + "?asOf=1969-12-31", "asOf")]
    public async Task Bad_parameters_are_400_naming_the_parameter(string path, string field)
    {
        using var admin = await factory.AdminClientAsync();

        Assert.Contains(field, (await (await admin.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
