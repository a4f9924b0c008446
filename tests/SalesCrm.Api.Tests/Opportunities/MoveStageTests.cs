using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Pipelines;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Opportunities;
using SalesCrm.Domain.Opportunities;
using static SalesCrm.Api.Tests.Pipelines.PipelinesApi;

namespace SalesCrm.Api.Tests.Opportunities;

public sealed class MoveStageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_move_appends_history_and_returns_the_new_etag()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var deal = await client.CreateOpportunityAsync(await factory.AccountAsync());

        var response = await client.MoveAsync(deal.Id, deal.Version, new { toStageId = Demo });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"\"{deal.Version + 1}\"", response.Headers.ETag?.ToString());
        var move = await response.ReadAsync<StageMoveDto>();
        Assert.Equal((Discovery, "Discovery", Demo, "Demo", rep.Id), (move.FromStageId, move.FromStageName, move.ToStageId, move.ToStageName, move.MovedBy));
        var after = await client.OpportunityAsync(deal.Id);
        Assert.Equal((Demo, "Demo", 40, move.OccurredAt, deal.Version + 1), (after.StageId, after.StageName, after.StageProbability, after.StageEnteredAt, after.Version));
        var history = await HistoryAsync(client, deal.Id);
        Assert.Equal([(null, Discovery), (Discovery, Demo)], history.Select(m => (m.FromStageId, m.ToStageId)));
        Assert.Equal(move.OccurredAt, history[0].LeftAt);
    }

    [Fact]
    public async Task Without_if_match_it_is_428_and_with_a_stale_one_412_and_nothing_changes()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var deal = await client.CreateOpportunityAsync(await factory.AccountAsync());
        var version = await client.MovedAsync(deal.Id, deal.Version, new { toStageId = Qualified });

        var missing = await client.MoveAsync(deal.Id, null, new { toStageId = Demo });
        var stale = await client.MoveAsync(deal.Id, deal.Version, new { toStageId = Demo });
        var garbage = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/opportunities/{deal.Id}/stage-moves")
        {
            Content = JsonContent.Create(new { toStageId = Demo }),
            Headers = { { "If-Match", "W/\"abc\"" } },
        });

        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await garbage.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal((Qualified, version), ((await client.OpportunityAsync(deal.Id)).StageId, (await client.OpportunityAsync(deal.Id)).Version));
        Assert.Equal(2, (await HistoryAsync(client, deal.Id)).Count);
    }

    [Fact]
    public async Task Of_parallel_moves_on_one_version_exactly_one_applies()
    {
        using var admin = await factory.AdminClientAsync();
        var deal = await admin.CreateOpportunityAsync(await factory.AccountAsync());
        Guid[] targets = [Qualified, Demo, Trial, FinalConversation, Won, Qualified, Demo, Trial, FinalConversation, Won];

        var responses = await Task.WhenAll(targets.Select(stage => admin.MoveAsync(deal.Id, deal.Version, new { toStageId = stage })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).ReadAsync<StageMoveDto>();
        var history = await HistoryAsync(admin, deal.Id);
        Assert.Equal(2, history.Count);
        Assert.Equal(winner.Id, history[1].Id);
        var after = await admin.OpportunityAsync(deal.Id);
        Assert.Equal((winner.ToStageId, deal.Version + 1), (after.StageId, after.Version));
        Assert.Equal(2, await factory.ScalarSqlAsync("SELECT COUNT(*) FROM stage_moves WHERE opportunity_id = $id", ("$id", deal.Id)));
    }

    [Fact]
    public async Task Imported_history_oldest_first_is_accepted_and_out_of_order_moves_are_400()
    {
        using var integration = await factory.IntegrationAsync("opportunities:write");
        var owner = await factory.AdminIdAsync();
        var t0 = Truncated(DateTimeOffset.UtcNow.AddDays(-60));
        var deal = await integration.CreateOpportunityAsync(await factory.AccountAsync(), new { ownerId = owner, occurredAt = t0 });

        var v = await integration.MovedAsync(deal.Id, deal.Version, new { toStageId = Qualified, occurredAt = t0.AddDays(3) });
        v = await integration.MovedAsync(deal.Id, v, new { toStageId = Demo, occurredAt = t0.AddDays(10) });
        v = await integration.MovedAsync(deal.Id, v, new { toStageId = Trial, occurredAt = t0.AddDays(10) });
        var outOfOrder = await integration.MoveAsync(deal.Id, v, new { toStageId = FinalConversation, occurredAt = t0.AddDays(9) });
        var beforeCreation = await integration.MoveAsync(deal.Id, v, new { toStageId = FinalConversation, occurredAt = t0.AddDays(-1) });
        var future = await integration.MoveAsync(deal.Id, v, new { toStageId = FinalConversation, occurredAt = DateTimeOffset.UtcNow.AddHours(1) });
        v = await integration.MovedAsync(deal.Id, v, new { toStageId = Won, occurredAt = t0.AddDays(20) });

        Assert.Equal(["occurredAt"], (await outOfOrder.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["occurredAt"], (await beforeCreation.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["occurredAt"], (await future.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var history = await HistoryAsync(integration, deal.Id);
        Assert.Equal([Discovery, Qualified, Demo, Trial, Won], history.Select(m => m.ToStageId));
        Assert.Equal([3.0, 7.0, 0.0, 10.0, null], history.Select(m => m.DaysInStage));
        var won = await integration.OpportunityAsync(deal.Id);
        Assert.Equal((t0.AddDays(20), Outcome.Won, t0.AddDays(20), v), (won.ClosedAt, won.Outcome, won.StageEnteredAt, won.Version));
    }

    [Fact]
    public async Task Deals_move_backward_and_forward_again()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var deal = await client.CreateOpportunityAsync(await factory.AccountAsync());

        var v = await client.MovedAsync(deal.Id, deal.Version, new { toStageId = Trial });
        v = await client.MovedAsync(deal.Id, v, new { toStageId = Qualified });
        v = await client.MovedAsync(deal.Id, v, new { toStageId = Trial });

        Assert.Equal([Discovery, Trial, Qualified, Trial], (await HistoryAsync(client, deal.Id)).Select(m => m.ToStageId));
        Assert.Equal((Trial, v), ((await client.OpportunityAsync(deal.Id)).StageId, v));
    }

    [Fact]
    public async Task Won_closes_the_deal_and_reopening_clears_the_close()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var deal = await client.CreateOpportunityAsync(await factory.AccountAsync());

        var v = await client.MovedAsync(deal.Id, deal.Version, new { toStageId = Won, competitor = "Initech" });
        var won = await client.OpportunityAsync(deal.Id);
        var toLost = await client.MoveAsync(deal.Id, v, new { toStageId = Lost, lostReasonId = PriceReason });
        v = await client.MovedAsync(deal.Id, v, new { toStageId = FinalConversation });
        var reopened = await client.OpportunityAsync(deal.Id);

        Assert.Equal((Outcome.Won, won.StageEnteredAt, 100, "Initech"), (won.Outcome, won.ClosedAt!.Value, won.StageProbability, won.Competitor));
        Assert.Equal(["toStageId"], (await toLost.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ErrorFields());
        Assert.Equal((null, null, null, FinalConversation, "Initech"), (reopened.Outcome, reopened.ClosedAt, reopened.LostReasonId, reopened.StageId, reopened.Competitor));
    }

    [Fact]
    public async Task Lost_needs_an_active_reason_and_reopening_after_lost_clears_it()
    {
        var (_, client) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();
        var retired = await (await admin.PostAsJsonAsync("/api/v1/lost-reasons", new { name = $"Retired {Guid.NewGuid():N}" })).ReadAsync<Application.LostReasons.LostReasonDto>();
        await admin.PostAsync($"/api/v1/lost-reasons/{retired.Id}/archive", null);
        var deal = await client.CreateOpportunityAsync(await factory.AccountAsync());

        var noReason = await client.MoveAsync(deal.Id, deal.Version, new { toStageId = Lost });
        var unknownReason = await client.MoveAsync(deal.Id, deal.Version, new { toStageId = Lost, lostReasonId = Guid.NewGuid() });
        var archivedReason = await client.MoveAsync(deal.Id, deal.Version, new { toStageId = Lost, lostReasonId = retired.Id });
        var reasonNotLost = await client.MoveAsync(deal.Id, deal.Version, new { toStageId = Demo, lostReasonId = PriceReason });
        var v = await client.MovedAsync(deal.Id, deal.Version, new { toStageId = Lost, lostReasonId = CompetitorReason, competitor = "Globex" });
        var lost = await client.OpportunityAsync(deal.Id);
        v = await client.MovedAsync(deal.Id, v, new { toStageId = Demo });
        var reopened = await client.OpportunityAsync(deal.Id);

        foreach (var refused in new[] { noReason, unknownReason, archivedReason, reasonNotLost })
        {
            Assert.Equal(["lostReasonId"], (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        Assert.Equal((Outcome.Lost, CompetitorReason, "Globex", 0), (lost.Outcome, lost.LostReasonId!.Value, lost.Competitor, lost.StageProbability));
        Assert.NotNull(lost.ClosedAt);
        Assert.Equal((null, null, null, Demo), (reopened.Outcome, reopened.ClosedAt, reopened.LostReasonId, reopened.StageId));
        var history = await HistoryAsync(client, deal.Id);
        Assert.Equal(CompetitorReason, history[1].LostReasonId);
        Assert.Equal(deal.Version + 2, v);
    }

    [Fact]
    public async Task Unknown_foreign_archived_and_current_stages_are_refused()
    {
        var other = await factory.CreatePipelineAsync("A", "B");
        using var admin = await factory.AdminClientAsync();
        var stage = await (await admin.PostAsJsonAsync($"/api/v1/pipelines/{DefaultPipelineId}/stages", new { name = $"Old {Guid.NewGuid():N}", probability = 30 })).ReadAsync<Application.Pipelines.StageDto>();
        await admin.PostAsync($"/api/v1/pipelines/{DefaultPipelineId}/stages/{stage.Id}/archive", null);
        var deal = await admin.CreateOpportunityAsync(await factory.AccountAsync());

        var unknown = await admin.MoveAsync(deal.Id, deal.Version, new { toStageId = Guid.NewGuid() });
        var foreign = await admin.MoveAsync(deal.Id, deal.Version, new { toStageId = other.Stages[0].Id });
        var archived = await admin.MoveAsync(deal.Id, deal.Version, new { toStageId = stage.Id });
        var current = await admin.MoveAsync(deal.Id, deal.Version, new { toStageId = Discovery });
        var empty = await admin.MoveAsync(deal.Id, deal.Version, new { });
        var extra = await admin.MoveAsync(deal.Id, deal.Version, new { toStageId = Demo, fromStageId = Discovery });

        Assert.Equal(["toStageId"], (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["toStageId"], (await foreign.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["toStageId"], (await archived.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["toStageId"], (await current.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ErrorFields());
        Assert.Equal(["toStageId"], (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["fromStageId"], (await extra.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Single(await HistoryAsync(admin, deal.Id));
    }

    [Fact]
    public async Task A_stage_with_history_cannot_be_deleted_only_archived()
    {
        var pipeline = await factory.CreatePipelineAsync("A", "B", "C");
        using var admin = await factory.AdminClientAsync();
        var deal = await admin.CreateOpportunityAsync(await factory.AccountAsync(), new { pipelineId = pipeline.Id });
        await admin.MovedAsync(deal.Id, deal.Version, new { toStageId = pipeline.Stages[1].Id });

        var left = await admin.DeleteAsync($"/api/v1/pipelines/{pipeline.Id}/stages/{pipeline.Stages[0].Id}");
        var current = await admin.DeleteAsync($"/api/v1/pipelines/{pipeline.Id}/stages/{pipeline.Stages[1].Id}");
        var unused = await admin.DeleteAsync($"/api/v1/pipelines/{pipeline.Id}/stages/{pipeline.Stages[2].Id}");

        Assert.Contains("archive", (await left.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await current.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, unused.StatusCode);
    }

    [Fact]
    public async Task A_retried_move_with_an_idempotency_key_is_replayed_not_repeated()
    {
        using var admin = await factory.AdminClientAsync();
        var deal = await admin.CreateOpportunityAsync(await factory.AccountAsync());

        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/opportunities/{deal.Id}/stage-moves") { Content = JsonContent.Create(new { toStageId = Demo }) };
            request.Headers.Add("Idempotency-Key", $"move-{deal.Id}");
            request.Headers.Add("If-Match", $"\"{deal.Version}\"");
            return request;
        }

        var first = await admin.SendAsync(Request());
        var retry = await admin.SendAsync(Request());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal((await first.ReadAsync<StageMoveDto>()).Id, (await retry.ReadAsync<StageMoveDto>()).Id);
        Assert.Equal(2, (await HistoryAsync(admin, deal.Id)).Count);
    }

    [Fact]
    public async Task History_pages_keep_days_in_stage_across_page_boundaries()
    {
        using var admin = await factory.AdminClientAsync();
        var t0 = Truncated(DateTimeOffset.UtcNow.AddDays(-10));
        var deal = await admin.CreateOpportunityAsync(await factory.AccountAsync(), new { occurredAt = t0 });
        var v = await admin.MovedAsync(deal.Id, deal.Version, new { toStageId = Qualified, occurredAt = t0.AddDays(1) });
        await admin.MovedAsync(deal.Id, v, new { toStageId = Demo, occurredAt = t0.AddDays(3) });

        var first = await (await admin.GetAsync($"/api/v1/opportunities/{deal.Id}/stage-moves?limit=2")).ReadAsync<Page<StageMoveDto>>();
        var second = await (await admin.GetAsync($"/api/v1/opportunities/{deal.Id}/stage-moves?limit=2&cursor={first.NextCursor}")).ReadAsync<Page<StageMoveDto>>();

        Assert.Equal([1.0, 2.0], first.Items.Select(m => m.DaysInStage));
        Assert.Equal(t0.AddDays(3), first.Items[1].LeftAt);
        var last = Assert.Single(second.Items);
        Assert.Equal(Demo, last.ToStageId);
        Assert.InRange(last.DaysInStage!.Value, 6.9, 7.1);
        Assert.Null(second.NextCursor);
        await (await admin.GetAsync($"/api/v1/opportunities/{deal.Id}/stage-moves?cursor=nonsense")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<IReadOnlyList<StageMoveDto>> HistoryAsync(HttpClient client, Guid id) =>
        (await (await client.GetAsync($"/api/v1/opportunities/{id}/stage-moves?limit=200")).ReadAsync<Page<StageMoveDto>>()).Items;

    private static DateTimeOffset Truncated(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
}
