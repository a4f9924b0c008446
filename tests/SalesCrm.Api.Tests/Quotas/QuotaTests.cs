using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Quotas;
using SalesCrm.Domain.Quotas;

namespace SalesCrm.Api.Tests.Quotas;

public sealed class QuotaTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_manager_sets_a_quarterly_revenue_quota_for_a_rep_of_their_team()
    {
        var team = await factory.TeamAsync();
        var (rep, _) = await factory.PersonAsync("rep", team.Id);
        var (_, manager) = await factory.PersonAsync("manager", team.Id);

        var response = await manager.PostAsJsonAsync("/api/v1/quotas",
            new { userId = rep.Id, period = "quarter", periodStart = "2026-04-01", kind = "revenue", target = 250000.50m });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var quota = await response.ReadAsync<QuotaDto>();
        Assert.Equal(new DateOnly(2026, 7, 1), quota.PeriodEnd);
        Assert.Equal(250000.50m, quota.Target);
        Assert.Equal(QuotaKind.Revenue, quota.Kind);
    }

    [Fact]
    public async Task Changing_a_quota_keeps_its_history()
    {
        var (rep, _) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();
        var quota = await (await admin.PostAsJsonAsync("/api/v1/quotas",
            new { userId = rep.Id, period = "month", periodStart = "2026-05-01", kind = "deals", target = 10 })).ReadAsync<QuotaDto>();

        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/quotas/{quota.Id}") { Content = JsonContent.Create(new { kind = "deals", target = 12 }) };
        update.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(update)).StatusCode);

        var history = await (await admin.GetAsync($"/api/v1/quotas/{quota.Id}/history")).ReadAsync<List<QuotaChangeDto>>();
        Assert.Equal([(10m, "created"), (12m, "updated")], history.Select(h => (h.Target, h.Change)));
    }

    [Fact]
    public async Task A_second_quota_for_the_same_period_is_409()
    {
        var (rep, _) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();
        var body = new { userId = rep.Id, period = "year", periodStart = "2026-01-01", kind = "revenue", target = 1000000 };
        await admin.PostAsJsonAsync("/api/v1/quotas", body);

        var again = await admin.PostAsJsonAsync("/api/v1/quotas", body);

        Assert.Equal(["periodStart"], (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ErrorFields());
    }

    [Theory]
    [InlineData("month", "2026-05-02", "revenue", 100, "periodStart")]
    [InlineData("quarter", "2026-05-01", "revenue", 100, "periodStart")]
    [InlineData("month", "2026-05-01", "deals", 2.5, "target")]
    [InlineData("month", "2026-05-01", "revenue", 0, "target")]
    [InlineData("month", "2026-05-01", "revenue", -5, "target")]
    public async Task Bad_quotas_are_400_naming_the_field(string period, string periodStart, string kind, decimal target, string field)
    {
        var (rep, _) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/quotas", new { userId = rep.Id, period, periodStart, kind, target });

        Assert.Equal([field], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Managers_cannot_set_quotas_outside_their_team_and_reps_cannot_set_any()
    {
        var (otherRep, repClient) = await factory.PersonAsync("rep", (await factory.TeamAsync()).Id);
        var (_, manager) = await factory.PersonAsync("manager", (await factory.TeamAsync()).Id);
        var body = new { userId = otherRep.Id, period = "month", periodStart = "2026-06-01", kind = "deals", target = 3 };

        Assert.Equal(["userId"], (await (await manager.PostAsJsonAsync("/api/v1/quotas", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await (await repClient.PostAsJsonAsync("/api/v1/quotas", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reps_read_their_own_quotas_only()
    {
        var team = await factory.TeamAsync();
        var (rep, repClient) = await factory.PersonAsync("rep", team.Id);
        var (colleague, _) = await factory.PersonAsync("rep", team.Id);
        using var admin = await factory.AdminClientAsync();
        var mine = await (await admin.PostAsJsonAsync("/api/v1/quotas",
            new { userId = rep.Id, period = "month", periodStart = "2026-07-01", kind = "deals", target = 4 })).ReadAsync<QuotaDto>();
        var theirs = await (await admin.PostAsJsonAsync("/api/v1/quotas",
            new { userId = colleague.Id, period = "month", periodStart = "2026-07-01", kind = "deals", target = 4 })).ReadAsync<QuotaDto>();

        var listed = await (await repClient.GetAsync($"/api/v1/quotas?teamId={team.Id}")).ReadAsync<Application.Common.Paging.Page<QuotaDto>>();

        Assert.Equal([mine.Id], listed.Items.Select(q => q.Id));
        await (await repClient.GetAsync($"/api/v1/quotas/{theirs.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Listing_by_window_returns_overlapping_periods_in_order_across_pages()
    {
        var (rep, _) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();
        foreach (var month in new[] { "2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01" })
        {
            await admin.PostAsJsonAsync("/api/v1/quotas", new { userId = rep.Id, period = "month", periodStart = month, kind = "deals", target = 5 });
        }

        var first = await (await admin.GetAsync($"/api/v1/quotas?userId={rep.Id}&from=2025-01-15&to=2025-04-01&limit=2")).ReadAsync<Application.Common.Paging.Page<QuotaDto>>();
        var second = await (await admin.GetAsync($"/api/v1/quotas?userId={rep.Id}&from=2025-01-15&to=2025-04-01&limit=2&cursor={first.NextCursor}")).ReadAsync<Application.Common.Paging.Page<QuotaDto>>();

        // January overlaps from the 15th; April starts on `to` (exclusive) so it is out.
        Assert.Equal(
            [new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1)],
            first.Items.Concat(second.Items).Select(q => q.PeriodStart));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task A_deleted_quota_frees_its_period()
    {
        var (rep, _) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();
        var body = new { userId = rep.Id, period = "month", periodStart = "2026-08-01", kind = "deals", target = 5 };
        var quota = await (await admin.PostAsJsonAsync("/api/v1/quotas", body)).ReadAsync<QuotaDto>();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/quotas/{quota.Id}")).StatusCode);

        await (await admin.GetAsync($"/api/v1/quotas/{quota.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/quotas", body)).StatusCode);
    }
}
