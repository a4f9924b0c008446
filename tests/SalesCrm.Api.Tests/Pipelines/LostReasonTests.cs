using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.LostReasons;

namespace SalesCrm.Api.Tests.Pipelines;

public sealed class LostReasonTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_seeded_reasons_are_listed_for_everyone()
    {
        var (_, rep) = await factory.PersonAsync("rep");

        var page = await (await rep.GetAsync("/api/v1/lost-reasons")).ReadAsync<Page<LostReasonDto>>();

        Assert.Equal(["Price", "Timing", "Lost to competitor", "No decision", "No budget", "Other"], page.Items.Take(6).Select(r => r.Name));
    }

    [Fact]
    public async Task Admins_create_and_archive_reasons()
    {
        using var admin = await factory.AdminClientAsync();

        var created = await admin.PostAsJsonAsync("/api/v1/lost-reasons", new { name = "Went silent" });
        var reason = await created.ReadAsync<LostReasonDto>();
        var duplicate = await admin.PostAsJsonAsync("/api/v1/lost-reasons", new { name = "went SILENT" });
        var archived = await admin.PostAsync($"/api/v1/lost-reasons/{reason.Id}/archive", null);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/lost-reasons/{reason.Id}", created.Headers.Location?.ToString());
        Assert.Equal(["name"], (await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ErrorFields());
        Assert.NotNull((await archived.ReadAsync<LostReasonDto>()).ArchivedAt);
        var active = await (await admin.GetAsync("/api/v1/lost-reasons?limit=200")).ReadAsync<Page<LostReasonDto>>();
        var all = await (await admin.GetAsync("/api/v1/lost-reasons?limit=200&includeArchived=true")).ReadAsync<Page<LostReasonDto>>();
        Assert.DoesNotContain(active.Items, r => r.Id == reason.Id);
        Assert.Contains(all.Items, r => r.Id == reason.Id);
    }

    [Fact]
    public async Task Bad_input_and_roles_are_refused()
    {
        var (_, manager) = await factory.PersonAsync("manager", (await factory.TeamAsync()).Id);
        using var admin = await factory.AdminClientAsync();

        Assert.Equal(["name"], (await (await admin.PostAsJsonAsync("/api/v1/lost-reasons", new { name = " " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["name"], (await (await admin.PostAsJsonAsync("/api/v1/lost-reasons", new { name = new string('x', 201) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await (await admin.PostAsync($"/api/v1/lost-reasons/{Guid.NewGuid()}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PostAsJsonAsync("/api/v1/lost-reasons", new { name = "Mine" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostAsync($"/api/v1/lost-reasons/{PipelinesApi.PriceReason}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.GetAsync("/api/v1/lost-reasons?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
