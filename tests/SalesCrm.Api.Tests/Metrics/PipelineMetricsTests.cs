using System.Net;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Api.Tests.Pipelines;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.Pipeline;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;
using static SalesCrm.Api.Tests.Pipelines.PipelinesApi;

namespace SalesCrm.Api.Tests.Metrics;

/// <summary>
/// Section C of metrics.md (pipeline): the open pipeline as of an instant, days in stage, stale deals and stage conversion.
/// Each test records history for a fresh rep (and, where stages matter, a fresh pipeline whose open stages A, B, C have
/// probabilities 10, 20, 30) and reads that rep's numbers. Organisation time zone: UTC.
/// </summary>
public sealed class PipelineMetricsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Path = "/api/v1/metrics/pipeline";

    [Fact]
    public async Task A_1000_deal_in_trial_at_60_percent_weighs_600()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var trial = await client.DealAsync(account, Trial, Utc("2025-03-01T00:00:00Z"), 1000m);         // 60%
        await client.DealAsync(account, Discovery, Utc("2025-03-06T00:00:00Z"), 500m);                   // 10%
        var won = await client.DealAsync(account, Demo, Utc("2025-03-02T00:00:00Z"), 700m);
        await client.MovedAsync(won.Id, won.Version, new { toStageId = Won, occurredAt = Utc("2025-03-03T00:00:00Z") });
        var deleted = await client.DealAsync(account, Trial, Utc("2025-03-02T00:00:00Z"), 9000m);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/opportunities/{deleted.Id}")).StatusCode);

        var snapshot = await client.SnapshotAsync($"{Path}?asOf=2025-03-11T00:00:00Z&pipelineId={DefaultPipelineId}&userId={rep.Id}");

        Assert.Equal(new OpenPipelineTotals(2, 1500m, 650m), snapshot.Totals);   // 1000 + 500; 1000 × 0.6 + 500 × 0.1 = 600 + 50
        Assert.Equal(["Discovery", "Qualified", "Demo", "Trial", "Final conversation", "Won", "Lost"], snapshot.ByStage.Select(s => s.Name));
        var t = snapshot.ByStage.Single(s => s.StageId == Trial);
        Assert.Equal((1L, 1000m, 600m, 60), (t.Count, t.Amount, t.WeightedAmount, t.Probability));
        Assert.Equal((10.0, 10.0), (t.AverageDaysInStage, t.MedianDaysInStage));   // in Trial from 03-01 to 03-11
        var d = snapshot.ByStage.Single(s => s.StageId == Discovery);
        Assert.Equal((1L, 500m, 50m, 5.0), (d.Count, d.Amount, d.WeightedAmount, d.MedianDaysInStage));   // 03-06 → 03-11
        var empty = snapshot.ByStage.Single(s => s.StageId == Demo);               // the won deal left Demo on 03-03
        Assert.Equal((0L, 0m, (double?)null), (empty.Count, empty.Amount, empty.AverageDaysInStage));
        Assert.Equal([new RepSnapshot(rep.Id, rep.DisplayName, 2, 1500m, 650m)], snapshot.ByRep);
        Assert.Equal(new PipelineSnapshotContext(Utc("2025-03-11T00:00:00Z"), DefaultPipelineId, null, rep.Id, "UTC"), snapshot.Context);

        var records = await client.ExplainAllAsync($"{Path}/explain?figure=open_opportunities&asOf=2025-03-11T00:00:00Z&stageId={Trial}&userId={rep.Id}");
        var r = Assert.Single(records);
        Assert.Equal((trial.Id, MetricRecordKind.Opportunity, 1000m, 60.0), (r.Id, r.Kind, r.Amount, r.Value));
        Assert.Equal(2, (await client.ExplainAllAsync($"{Path}/explain?figure=open_opportunities&asOf=2025-03-11T00:00:00Z&userId={rep.Id}")).Count);

        // Without pipelineId: every pipeline's stages are listed; the rep's deals are all in the default one.
        var all = await client.SnapshotAsync($"{Path}?asOf=2025-03-11T00:00:00Z&userId={rep.Id}");
        Assert.Equal(snapshot.Totals, all.Totals);
        Assert.Equal(snapshot.ByStage, all.ByStage.Where(s => s.PipelineId == DefaultPipelineId));
    }

    [Fact]
    public async Task A_past_snapshot_shows_where_a_deal_was_then_not_where_it_is_now()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var deal = await client.DealAsync(account, Discovery, Utc("2025-04-01T00:00:00Z"), 1000m);
        var v = await client.MovedAsync(deal.Id, deal.Version, new { toStageId = Demo, occurredAt = Utc("2025-04-10T00:00:00Z") });
        await client.MovedAsync(deal.Id, v, new { toStageId = Won, occurredAt = Utc("2025-04-20T00:00:00Z") });
        var path = $"{Path}?pipelineId={DefaultPipelineId}&userId={rep.Id}&asOf=";

        var beforeCreation = await client.SnapshotAsync(path + "2025-03-31T23:59:59.999Z");
        var inDiscovery = await client.SnapshotAsync(path + "2025-04-09T23:59:59.999Z");
        var atTheMove = await client.SnapshotAsync(path + "2025-04-10T00:00:00Z");   // a move at exactly asOf has happened
        var inDemo = await client.SnapshotAsync(path + "2025-04-15T00:00:00Z");
        var now = await client.SnapshotAsync($"{Path}?pipelineId={DefaultPipelineId}&userId={rep.Id}");

        Assert.Equal(0, beforeCreation.Totals.Count);
        Assert.Equal((1L, 100m), Stage(inDiscovery, Discovery));                       // 1000 × 10%
        Assert.Equal((1L, 400m), Stage(atTheMove, Demo));                              // 1000 × 40%
        Assert.Equal((0L, 0m), Stage(atTheMove, Discovery));
        Assert.Equal(5.0, inDemo.ByStage.Single(s => s.StageId == Demo).MedianDaysInStage);   // 04-10 → 04-15
        Assert.Equal(new OpenPipelineTotals(0, 0m, 0m), now.Totals);                   // won since
        Assert.Empty(now.ByRep);
    }

    [Fact]
    public async Task A_deal_moving_back_and_forward_counts_each_entry_and_exit()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var pipeline = await factory.CreatePipelineAsync("A", "B", "C");
        var (a, b, c, won) = (pipeline.Stages[0].Id, pipeline.Stages[1].Id, pipeline.Stages[2].Id, pipeline.Stages[3].Id);
        // A 05-01 → B 05-03 (2 days in A) → A 05-04 (1 day in B) → B 05-08 (4 days in A) → C 05-14 (6 days in B) → Won 05-24 (10 days in C).
        var deal = await client.DealAsync(account, a, Utc("2025-05-01T00:00:00Z"), 1000m);
        var v = await client.MovedAsync(deal.Id, deal.Version, new { toStageId = b, occurredAt = Utc("2025-05-03T00:00:00Z") });
        v = await client.MovedAsync(deal.Id, v, new { toStageId = a, occurredAt = Utc("2025-05-04T00:00:00Z") });
        v = await client.MovedAsync(deal.Id, v, new { toStageId = b, occurredAt = Utc("2025-05-08T00:00:00Z") });
        v = await client.MovedAsync(deal.Id, v, new { toStageId = c, occurredAt = Utc("2025-05-14T00:00:00Z") });
        await client.MovedAsync(deal.Id, v, new { toStageId = won, occurredAt = Utc("2025-05-24T00:00:00Z") });
        var scope = $"pipelineId={pipeline.Id}&userId={rep.Id}";

        var days = (await client.ReportAsync<DaysInStageMetrics>($"{Path}/days-in-stage?from=2025-05-01&to=2025-06-01&{scope}")).Totals.Stages;
        Assert.Equal(["A 2 3 3", "B 2 3.5 3.5", "C 1 10 10"], days.Select(s => $"{s.Name} {s.Exits} {s.AverageDays} {s.MedianDays}"));   // A: (2+4)/2; B: (1+6)/2

        var conversion = (await client.ReportAsync<StageConversionMetrics>($"{Path}/conversion?from=2025-05-01&to=2025-06-01&{scope}")).Totals.Stages;
        // A: entered twice (creation, back from B), both advanced to B. B: once moved back to A, once advanced to C. C: advanced to Won.
        Assert.Equal(["A 2 2 0 0 0 1", "B 2 1 0 1 0 0.5", "C 1 1 0 0 0 1"],
            conversion.Select(s => $"{s.Name} {s.Entered} {s.Advanced} {s.Lost} {s.MovedBack} {s.StillIn} {s.AdvancedRate}"));
        Assert.Equal(0.5, conversion[1].MovedBackRate);

        // Window edges: [05-03, 05-08) holds the move into B at its first instant and the move back to A, not the one at 05-08 00:00.
        var edge = (await client.ReportAsync<StageConversionMetrics>($"{Path}/conversion?from=2025-05-03&to=2025-05-08&{scope}")).Totals.Stages;
        Assert.Equal(["A 1 1", "B 1 0", "C 0 "], edge.Select(s => $"{s.Name} {s.Entered} {s.AdvancedRate}"));
        var edgeDays = (await client.ReportAsync<DaysInStageMetrics>($"{Path}/days-in-stage?from=2025-05-03&to=2025-05-08&{scope}")).Totals.Stages;
        Assert.Equal(["A 1 2", "B 1 1", "C 0 "], edgeDays.Select(s => $"{s.Name} {s.Exits} {s.MedianDays}"));

        // Weekly series from Thu 05-01: [05-01,05-05) [05-05,05-12) [05-12,05-19) [05-19,05-26) [05-26,06-01); the last two hold no entry.
        var series = (await client.ReportAsync<StageConversionMetrics>($"{Path}/conversion?from=2025-05-01&to=2025-06-01&bucket=week&{scope}")).Series!;
        Assert.Equal(["2 1 0", "0 1 0", "0 0 1", "0 0 0", "0 0 0"], series.Select(p => string.Join(' ', p.Values.Stages.Select(s => s.Entered))));
        Assert.Null(series[4].Values.Stages[0].AdvancedRate);

        // A snapshot in the middle: back in A since 05-04.
        var snapshot = await client.SnapshotAsync($"{Path}?asOf=2025-05-05T00:00:00Z&{scope}");
        Assert.Equal((1L, 1.0), (snapshot.ByStage[0].Count, snapshot.ByStage[0].MedianDaysInStage));

        var exits = await client.ExplainAllAsync($"{Path}/explain?figure=stage_exits&from=2025-05-01&to=2025-06-01&stageId={b}&{scope}");
        Assert.Equal([1.0, 6.0], exits.Select(r => r.Value));
        Assert.All(exits, r => Assert.Equal((MetricRecordKind.StageMove, deal.Id), (r.Kind, r.OpportunityId!.Value)));
        var entries = await client.ExplainAllAsync($"{Path}/explain?figure=stage_entries&from=2025-05-01&to=2025-06-01&{scope}");
        Assert.Equal(["advanced", "moved_back", "advanced", "advanced", "advanced"], entries.Select(r => r.Label));   // A, B, A, B, C
    }

    [Fact]
    public async Task A_deal_reopened_after_lost_is_open_again_in_a_later_snapshot()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var pipeline = await factory.CreatePipelineAsync("A", "B");
        var (a, b, lost) = (pipeline.Stages[0].Id, pipeline.Stages[1].Id, pipeline.Stages[3].Id);
        var deal = await client.DealAsync(account, a, Utc("2025-06-01T00:00:00Z"), 1000m);
        var v = await client.MovedAsync(deal.Id, deal.Version, new { toStageId = lost, lostReasonId = PriceReason, occurredAt = Utc("2025-06-05T00:00:00Z") });
        await client.MovedAsync(deal.Id, v, new { toStageId = b, occurredAt = Utc("2025-06-10T00:00:00Z") });
        var scope = $"pipelineId={pipeline.Id}&userId={rep.Id}";

        Assert.Equal((1L, 100m), Stage(await client.SnapshotAsync($"{Path}?asOf=2025-06-03T00:00:00Z&{scope}"), a));   // 1000 × 10%
        Assert.Equal(0, (await client.SnapshotAsync($"{Path}?asOf=2025-06-07T00:00:00Z&{scope}")).Totals.Count);      // lost then
        Assert.Equal((1L, 200m), Stage(await client.SnapshotAsync($"{Path}?asOf=2025-06-12T00:00:00Z&{scope}"), b));   // reopened into B, 20%

        var conversion = (await client.ReportAsync<StageConversionMetrics>($"{Path}/conversion?from=2025-06-01&to=2025-07-01&{scope}")).Totals.Stages;
        Assert.Equal(["A 1 0 1 1", "B 1 1 0 0"], conversion.Select(s => $"{s.Name} {s.Entered} {s.StillIn} {s.Lost} {s.LostRate}"));
        // Days in stage counts exits from open stages only: 4 days in A (06-01 → 06-05); the time spent in Lost is not a stage's age.
        var days = (await client.ReportAsync<DaysInStageMetrics>($"{Path}/days-in-stage?from=2025-06-01&to=2025-07-01&{scope}")).Totals.Stages;
        Assert.Equal(["A 1 4", "B 0 "], days.Select(s => $"{s.Name} {s.Exits} {s.MedianDays}"));
    }

    [Fact]
    public async Task A_deal_30_days_in_a_stage_whose_norm_is_14_is_stale()
    {
        // metrics.md: a deal 30 days in a stage whose norm is 14. The only exit from A took 14 days: median 14, limit 2 × 14 = 28.
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var pipeline = await factory.CreatePipelineAsync("A", "B");
        var (a, b) = (pipeline.Stages[0], pipeline.Stages[1]);
        var now = DateTimeOffset.UtcNow;
        var history = await client.DealAsync(account, a.Id, now.AddDays(-100), 1000m, "History");
        await client.MovedAsync(history.Id, history.Version, new { toStageId = b.Id, occurredAt = now.AddDays(-86) });
        var stale = await client.DealAsync(account, a.Id, now.AddDays(-30), 2000m, "Stale");
        await client.DealAsync(account, a.Id, now.AddDays(-20), 3000m, "Fresh");   // 20 days ≤ 28
        var path = $"{Path}/stale?pipelineId={pipeline.Id}&userId={rep.Id}";

        var row = Assert.Single(await client.AllAsync<StaleDeal>(path));   // B has no setting and no exits: no limit, "History" is not stale
        Assert.Equal((stale.Id, "Stale", rep.Id, a.Id, "A", 2000m), (row.OpportunityId, row.Name, row.OwnerId, row.StageId, row.StageName, row.Amount));
        Assert.Equal((28.0, StaleLimitSource.HistoricalMedian), (row.LimitDays, row.LimitSource));
        Assert.InRange(row.DaysInStage, 30.0, 30.01);

        // A stage setting wins over the history: B stale after 50 days makes "History" (86 days in B) stale too, and it is the oldest.
        using var admin = await factory.AdminClientAsync();
        var update = await admin.SendAsync(HttpMethod.Put, $"/api/v1/pipelines/{pipeline.Id}/stages/{b.Id}",
            new { name = b.Name, position = b.Position, probability = b.Probability, staleAfterDays = 50 }, b.Version);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var rows = await client.AllAsync<StaleDeal>(path + "&limit=1");
        Assert.Equal([history.Id, stale.Id], rows.Select(r => r.OpportunityId));
        Assert.Equal((50.0, StaleLimitSource.StageSetting), (rows[0].LimitDays, rows[0].LimitSource));
    }

    [Fact]
    public async Task The_owner_of_a_snapshot_is_the_owner_at_that_time()
    {
        var (first, client) = await factory.PersonAsync("rep");
        var (second, _) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var deal = await client.DealAsync(account, Discovery, Utc("2025-07-01T00:00:00Z"), 1000m);
        using var admin = await factory.AdminClientAsync();
        var moved = await admin.SendAsync(HttpMethod.Post, $"/api/v1/opportunities/{deal.Id}/owner",
            new { ownerId = second.Id, occurredAt = Utc("2025-07-10T00:00:00Z") }, deal.Version);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        string At(string asOf, Guid user) => $"{Path}?asOf={asOf}&pipelineId={DefaultPipelineId}&userId={user}";

        Assert.Equal(1, (await admin.SnapshotAsync(At("2025-07-05T00:00:00Z", first.Id))).Totals.Count);   // before the change: the first owner
        Assert.Equal(0, (await admin.SnapshotAsync(At("2025-07-05T00:00:00Z", second.Id))).Totals.Count);
        Assert.Equal(0, (await admin.SnapshotAsync(At("2025-07-15T00:00:00Z", first.Id))).Totals.Count);
        Assert.Equal(1, (await admin.SnapshotAsync(At("2025-07-15T00:00:00Z", second.Id))).Totals.Count);
    }

    [Fact]
    public async Task A_manager_sees_their_teams_pipeline_by_rep_largest_weighted_amount_first()
    {
        var team = await factory.TeamAsync();
        var (small, smallClient) = await factory.PersonAsync("rep", team.Id);
        var (large, largeClient) = await factory.PersonAsync("rep", team.Id);
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var account = await factory.AccountAsync();
        await smallClient.DealAsync(account, Discovery, Utc("2025-08-01T00:00:00Z"), 2000m);   // 2000 × 10% = 200
        await largeClient.DealAsync(account, Trial, Utc("2025-08-02T00:00:00Z"), 1000m);       // 1000 × 60% = 600

        var snapshot = await manager.SnapshotAsync($"{Path}?asOf=2025-08-03T00:00:00Z&pipelineId={DefaultPipelineId}");   // no subject: the manager's team

        Assert.Equal(team.Id, snapshot.Context.TeamId);
        Assert.Equal(new OpenPipelineTotals(2, 3000m, 800m), snapshot.Totals);
        Assert.Equal([(large.Id, 600m), (small.Id, 200m)], snapshot.ByRep.Select(r => (r.UserId, r.WeightedAmount)));
    }

    [Fact]
    public async Task Nothing_recorded_gives_zeros_and_null_averages()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var pipeline = await factory.CreatePipelineAsync("A", "B");
        var scope = $"pipelineId={pipeline.Id}&userId={rep.Id}";

        var snapshot = await client.SnapshotAsync($"{Path}?{scope}");
        var days = (await client.ReportAsync<DaysInStageMetrics>($"{Path}/days-in-stage?from=2024-01-01&to=2024-02-01&{scope}")).Totals;
        var conversion = (await client.ReportAsync<StageConversionMetrics>($"{Path}/conversion?from=2024-01-01&to=2024-02-01&{scope}")).Totals;

        Assert.Equal(new OpenPipelineTotals(0, 0m, 0m), snapshot.Totals);
        Assert.Equal(["A", "B", "Won", "Lost"], snapshot.ByStage.Select(s => s.Name));
        Assert.All(snapshot.ByStage, s => Assert.Equal((0L, (double?)null), (s.Count, s.MedianDaysInStage)));
        Assert.Equal(["A 0  ", "B 0  "], days.Stages.Select(s => $"{s.Name} {s.Exits} {s.AverageDays} {s.MedianDays}"));
        Assert.Equal(["A 0   ", "B 0   "], conversion.Stages.Select(s => $"{s.Name} {s.Entered} {s.AdvancedRate} {s.LostRate} {s.StillInRate}"));
        Assert.Empty(await client.AllAsync<StaleDeal>($"{Path}/stale?{scope}"));
    }

    [Fact]
    public async Task Another_teams_rep_an_unknown_pipeline_and_a_future_instant_are_refused()
    {
        var (_, client) = await factory.PersonAsync("rep", (await factory.TeamAsync()).Id);
        var (other, _) = await factory.PersonAsync("rep", (await factory.TeamAsync()).Id);
        var window = "from=2025-01-01&to=2025-02-01";

        foreach (var path in new[]
        {
            $"{Path}?userId={other.Id}", $"{Path}/days-in-stage?{window}&userId={other.Id}", $"{Path}/conversion?{window}&userId={other.Id}",
            $"{Path}/stale?userId={other.Id}", $"{Path}/explain?figure=stage_exits&{window}&userId={other.Id}",
            $"{Path}?pipelineId={Guid.NewGuid()}", $"{Path}/days-in-stage?{window}&pipelineId={Guid.NewGuid()}",
            $"{Path}/conversion?{window}&pipelineId={Guid.NewGuid()}", $"{Path}/stale?pipelineId={Guid.NewGuid()}",
        })
        {
            await (await client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["asOf"], (await (await client.GetAsync($"{Path}?asOf={future}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["from", "to"], (await (await client.GetAsync($"{Path}/explain?figure=stage_entries")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    private static (long Count, decimal Weighted) Stage(PipelineSnapshot snapshot, Guid stageId)
    {
        var stage = snapshot.ByStage.Single(s => s.StageId == stageId);
        return (stage.Count, stage.WeightedAmount);
    }
}
