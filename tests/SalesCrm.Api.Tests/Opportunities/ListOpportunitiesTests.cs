using System.Net;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Pipelines;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Opportunities;
using SalesCrm.Application.Pipelines;
using static SalesCrm.Api.Tests.Pipelines.PipelinesApi;

namespace SalesCrm.Api.Tests.Opportunities;

/// <summary>Each test lists inside its own pipeline, so deals other tests create never show up in its answers.</summary>
public sealed class ListOpportunitiesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Filters_narrow_the_list_and_ranges_are_from_inclusive_to_exclusive()
    {
        var pipeline = await factory.CreatePipelineAsync("Open A", "Open B");
        var team = await factory.TeamAsync();
        var (rep, repClient) = await factory.PersonAsync("rep", team.Id);
        var (other, otherClient) = await factory.PersonAsync("rep", (await factory.TeamAsync()).Id);
        using var admin = await factory.AdminClientAsync();
        var account = await factory.AccountAsync();
        var t0 = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddDays(-20).ToUnixTimeMilliseconds());

        var a = await repClient.CreateOpportunityAsync(account, new { pipelineId = pipeline.Id, occurredAt = t0, expectedCloseDate = "2030-01-10" });
        var b = await repClient.CreateOpportunityAsync(await factory.AccountAsync(), new { pipelineId = pipeline.Id, occurredAt = t0.AddDays(1), expectedCloseDate = "2030-02-10" });
        var c = await otherClient.CreateOpportunityAsync(account, new { pipelineId = pipeline.Id, occurredAt = t0.AddDays(2) });
        await repClient.MovedAsync(b.Id, b.Version, new { toStageId = pipeline.Stages[1].Id });
        await otherClient.MovedAsync(c.Id, c.Version, new { toStageId = pipeline.Stages[3].Id, lostReasonId = PriceReason });
        var won = await admin.CreateOpportunityAsync(account, new { pipelineId = pipeline.Id, occurredAt = t0.AddDays(3) });
        await admin.MovedAsync(won.Id, won.Version, new { toStageId = pipeline.Stages[2].Id });

        async Task<Guid[]> Ids(string query)
        {
            var response = await admin.GetAsync($"/api/v1/opportunities?pipelineId={pipeline.Id}&{query}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {await response.Content.ReadAsStringAsync()}");
            return [.. (await response.ReadAsync<Page<OpportunityDto>>()).Items.Select(o => o.Id)];
        }

        Assert.Equal([won.Id, c.Id, b.Id, a.Id], await Ids(""));
        Assert.Equal([b.Id, a.Id], await Ids($"ownerId={rep.Id}"));
        Assert.Equal([b.Id, a.Id], await Ids($"teamId={team.Id}"));
        Assert.Equal([c.Id], await Ids($"teamId={other.TeamId}"));
        Assert.Equal([b.Id], await Ids($"stageId={pipeline.Stages[1].Id}"));
        Assert.Equal([b.Id, a.Id], await Ids("status=open"));
        Assert.Equal([won.Id], await Ids("status=won"));
        Assert.Equal([c.Id], await Ids("status=lost"));
        Assert.Equal([won.Id, c.Id, a.Id], await Ids($"accountId={account}"));
        Assert.Equal([b.Id, a.Id], await Ids($"createdFrom={Q(t0)}&createdTo={Q(t0.AddDays(2))}"));
        Assert.Equal([b.Id], await Ids("expectedCloseFrom=2030-02-10&expectedCloseTo=2030-03-01"));
        Assert.Equal([a.Id], await Ids("expectedCloseFrom=2030-01-01&expectedCloseTo=2030-02-10"));
        Assert.Empty(await Ids($"stageId={Discovery}"));
    }

    [Fact]
    public async Task Sorts_page_through_every_deal_once()
    {
        var pipeline = await factory.CreatePipelineAsync("Only");
        using var admin = await factory.AdminClientAsync();
        var account = await factory.AccountAsync();
        var deals = new List<OpportunityDto>();
        foreach (var (amount, close) in new (decimal, string?)[] { (500m, "2030-05-01"), (100.5m, null), (900m, "2030-01-01"), (500m, "2030-01-01"), (0m, null) })
        {
            deals.Add(await admin.CreateOpportunityAsync(account, new { pipelineId = pipeline.Id, amount, expectedCloseDate = close }));
        }

        var byAmount = await AllAsync(admin, $"pipelineId={pipeline.Id}&sort=amount&limit=2");
        var byClose = await AllAsync(admin, $"pipelineId={pipeline.Id}&sort=closing&limit=2");
        var newest = await AllAsync(admin, $"pipelineId={pipeline.Id}&sort=newest&limit=2");

        Assert.Equal([900m, 500m, 500m, 100.5m, 0m], byAmount.Select(o => o.Amount));
        Assert.Equal(["2030-01-01", "2030-01-01", "2030-05-01", null, null], byClose.Select(o => o.ExpectedCloseDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(deals.Select(d => d.Id).Reverse(), newest.Select(o => o.Id));
        Assert.Equal(5, byClose.Select(o => o.Id).Distinct().Count());
    }

    [Fact]
    public async Task Reps_see_their_own_managers_their_team_and_admins_everything()
    {
        var pipeline = await factory.CreatePipelineAsync("Only");
        var team = await factory.TeamAsync();
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var (_, rep) = await factory.PersonAsync("rep", team.Id);
        var (_, teammate) = await factory.PersonAsync("rep", team.Id);
        var (_, outsider) = await factory.PersonAsync("rep", (await factory.TeamAsync()).Id);
        using var admin = await factory.AdminClientAsync();
        using var integration = await factory.IntegrationAsync("opportunities:write");
        var account = await factory.AccountAsync();
        var own = await rep.CreateOpportunityAsync(account, new { pipelineId = pipeline.Id });
        var teammates = await teammate.CreateOpportunityAsync(account, new { pipelineId = pipeline.Id });
        var outsiders = await outsider.CreateOpportunityAsync(account, new { pipelineId = pipeline.Id });

        async Task<Guid[]> Ids(HttpClient client) =>
            [.. (await (await client.GetAsync($"/api/v1/opportunities?pipelineId={pipeline.Id}")).ReadAsync<Page<OpportunityDto>>()).Items.Select(o => o.Id)];

        Assert.Equal([own.Id], await Ids(rep));
        Assert.Equal([teammates.Id, own.Id], await Ids(manager));
        Assert.Equal([outsiders.Id, teammates.Id, own.Id], await Ids(admin));
        Assert.Equal([outsiders.Id, teammates.Id, own.Id], await Ids(integration));
        Assert.Empty((await (await rep.GetAsync($"/api/v1/opportunities?pipelineId={pipeline.Id}&ownerId={outsiders.OwnerId}")).ReadAsync<Page<OpportunityDto>>()).Items);
    }

    [Theory]
    [InlineData("status=closed", "status")]
    [InlineData("status=Open", "status")]
    [InlineData("sort=expectedCloseDate", "sort")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=!!", "cursor")]
    [InlineData("ownerId=me", "ownerId")]
    [InlineData("expectedCloseFrom=2030-13-01", "expectedCloseFrom")]
    [InlineData("createdFrom=2030-01-02T00:00:00Z&createdTo=2030-01-01T00:00:00Z", "createdTo")]
    [InlineData("expectedCloseFrom=2030-01-02&expectedCloseTo=2030-01-02", "expectedCloseTo")]
    public async Task Bad_filters_are_400_naming_the_parameter(string query, string field)
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.GetAsync($"/api/v1/opportunities?{query}");

        Assert.Equal([field], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_cursor_from_another_sort_order_is_400()
    {
        var pipeline = await factory.CreatePipelineAsync("Only");
        using var admin = await factory.AdminClientAsync();
        var account = await factory.AccountAsync();
        await admin.CreateOpportunityAsync(account, new { pipelineId = pipeline.Id });
        await admin.CreateOpportunityAsync(account, new { pipelineId = pipeline.Id });
        var page = await (await admin.GetAsync($"/api/v1/opportunities?pipelineId={pipeline.Id}&limit=1&sort=amount")).ReadAsync<Page<OpportunityDto>>();

        var response = await admin.GetAsync($"/api/v1/opportunities?pipelineId={pipeline.Id}&limit=1&sort=closing&cursor={page.NextCursor}");

        Assert.Equal(["cursor"], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    private static async Task<List<OpportunityDto>> AllAsync(HttpClient client, string query)
    {
        var all = new List<OpportunityDto>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/opportunities?{query}&cursor={cursor}")).ReadAsync<Page<OpportunityDto>>();
            Assert.True(page.Items.Count <= 2);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return all;
    }

    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}
