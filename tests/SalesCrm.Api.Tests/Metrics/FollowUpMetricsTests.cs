using System.Net;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Application.FollowUps;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.FollowUps;
using SalesCrm.Application.Opportunities;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;
using static SalesCrm.Api.Tests.Pipelines.PipelinesApi;

namespace SalesCrm.Api.Tests.Metrics;

/// <summary>
/// Section B of metrics.md. Every test records history for a fresh rep (history import puts it in the past) and reads
/// that rep's numbers. Organisation time zone: UTC. Default pipeline: Discovery, Qualified, Demo, Trial, Final conversation, Won, Lost.
/// </summary>
public sealed class FollowUpMetricsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Path = "/api/v1/metrics/follow-ups";

    [Fact]
    public async Task Follow_ups_per_stage_advance_count_from_entering_the_stage_left_to_leaving_it()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        // Window [2025-04-01, 2025-05-01).
        // Deal A: Discovery since 03-25, two follow-ups there (before the window: they still count for the advance in it).
        var a = await Deal.CreateAsync(client, account, "2025-03-25T10:00:00Z");
        await a.DoneAsync("2025-03-26T10:00:00Z");
        await a.DoneAsync("2025-03-28T10:00:00Z");
        var a1 = await a.MoveAsync(Qualified, "2025-04-02T10:00:00Z");        // advance out of Discovery: 2
        for (var hour = 10; hour < 15; hour++)
        {
            await a.DoneAsync($"2025-04-03T{hour}:00:00Z");                    // five in Qualified
        }

        var a2 = await a.MoveAsync(Demo, "2025-04-06T10:00:00Z");             // advance out of Qualified: 5
        await a.DoneAsync("2025-04-07T10:00:00Z");                             // in Demo, which it then leaves backwards
        await a.MoveAsync(Qualified, "2025-04-08T10:00:00Z");                 // backward: not an advance
        await a.DoneAsync("2025-04-09T10:00:00Z");
        var a3 = await a.MoveAsync(Demo, "2025-04-10T10:00:00Z");             // re-advance out of Qualified: only 04-09 since re-entering = 1
        await a.DoneAsync("2025-04-15T10:00:00Z");
        await a.DoneAsync("2025-04-20T10:00:00Z");                             // at the instant it leaves: `to` is exclusive, not counted
        var a4 = await a.MoveAsync(Won, "2025-04-20T10:00:00Z");              // advance out of Demo into Won: 1
        // Deal B: created at the window's first instant, a follow-up completed at that same instant (inclusive: counted).
        var b = await Deal.CreateAsync(client, account, "2025-04-01T00:00:00Z");
        await b.DoneAsync("2025-04-01T00:00:00Z");
        var b1 = await b.MoveAsync(Trial, "2025-04-12T10:00:00Z");            // skips stages, still forward, out of Discovery: 1
        await b.MoveAsync(Lost, "2025-04-14T10:00:00Z", PriceReason);         // to Lost: not an advance
        await b.DoneAsync("2025-04-15T10:00:00Z");                             // while Lost
        await b.MoveAsync(Demo, "2025-04-16T10:00:00Z");                      // reopened: out of Lost, not an advance
        var b2 = await b.MoveAsync(FinalConversation, "2025-04-18T10:00:00Z"); // out of Demo since 04-16: 0
        // Deal C: advances just outside the window on both sides.
        var c = await Deal.CreateAsync(client, account, "2025-03-01T10:00:00Z");
        await c.MoveAsync(Qualified, "2025-03-31T23:59:59.999Z");
        await c.MoveAsync(Demo, "2025-05-01T00:00:00Z");

        var report = await client.ReportAsync<FollowUpDiscipline>($"{Path}?from=2025-04-01&to=2025-05-01&userId={rep.Id}&bucket=week");

        var s = report.Totals.StageAdvances;
        // Six advances needing 2, 5, 1, 1 (A) and 1, 0 (B): sum 10, average 10 / 6 = 1.6667; sorted 0 1 1 1 2 5 → median (1 + 1) / 2 = 1.
        Assert.Equal((6L, 1.6667, 1.0), (s.Advances, s.AverageFollowUps, s.MedianFollowUps));
        Assert.Equal(new FollowUpDistribution(1, 3, 1, 0, 0, 1), s.Distribution);
        Assert.Equal([Discovery, Qualified, Demo], s.Stages.Select(x => x.StageId));
        Assert.Equal(["Discovery", "Qualified", "Demo"], s.Stages.Select(x => x.StageName));
        var discovery = s.Stages[0];  // 2 (A) and 1 (B)
        Assert.Equal((2L, 1.5, 1.5, new FollowUpDistribution(0, 1, 1, 0, 0, 0)), (discovery.Advances, discovery.AverageFollowUps, discovery.MedianFollowUps, discovery.Distribution));
        var qualified = s.Stages[1];  // 5 and 1: average 3, median 3
        Assert.Equal((2L, 3.0, 3.0, new FollowUpDistribution(0, 1, 0, 0, 0, 1)), (qualified.Advances, qualified.AverageFollowUps, qualified.MedianFollowUps, qualified.Distribution));
        var demo = s.Stages[2];       // 1 (A into Won) and 0 (B after reopening)
        Assert.Equal((2L, 0.5, 0.5, new FollowUpDistribution(1, 1, 0, 0, 0, 0)), (demo.Advances, demo.AverageFollowUps, demo.MedianFollowUps, demo.Distribution));
        Assert.True(discovery.Position < qualified.Position && qualified.Position < demo.Position);
        Assert.All(s.Stages, x => Assert.Equal(DefaultPipelineId, x.PipelineId));

        // Weeks (Monday first): [04-01, 04-07) 04-02 04-06; [04-07, 04-14) 04-10 04-12; [04-14, 04-21) 04-18 04-20; then two empty weeks.
        var series = report.Series!;
        Assert.Equal([2L, 2L, 2L, 0L, 0L], series.Select(p => p.Values.StageAdvances.Advances));
        var empty = series[3].Values.StageAdvances;
        Assert.Equal(3, empty.Stages.Count);   // the same stage rows in every point
        Assert.Null(empty.AverageFollowUps);
        Assert.Null(empty.Stages[0].MedianFollowUps);

        var records = await client.ExplainAllAsync($"{Path}/explain?figure=stage_advances&from=2025-04-01&to=2025-05-01&userId={rep.Id}");
        Assert.Equal([a1, a2, a3, b1, b2, a4], records.Select(r => r.Id));
        Assert.Equal([2.0, 5.0, 1.0, 1.0, 0.0, 1.0], records.Select(r => r.Value));
        Assert.Equal([a.Id, a.Id, a.Id, b.Id, b.Id, a.Id], records.Select(r => r.OpportunityId!.Value));
        Assert.All(records, r => Assert.Equal(MetricRecordKind.StageMove, r.Kind));
    }

    [Fact]
    public async Task Follow_ups_before_a_win_count_the_whole_life_and_the_share_with_five_or_more()
    {
        // metrics.md: "80% of sales need five follow-ups". Here 3 of 4 won deals needed 5 or more: share 0.75.
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var w1 = await Deal.CreateAsync(client, account, "2025-06-01T10:00:00Z");
        await w1.DoneTimesAsync(5, "2025-06-02");
        await w1.MoveAsync(Won, "2025-06-10T10:00:00Z");                       // 5
        var w2 = await Deal.CreateAsync(client, account, "2025-06-01T10:00:00Z");
        await w2.DoneTimesAsync(6, "2025-06-02");
        await w2.MoveAsync(Won, "2025-06-11T10:00:00Z");                       // 6
        // Reopened after Lost, then won: the follow-ups of its whole life up to the final close count.
        var w3 = await Deal.CreateAsync(client, account, "2025-05-01T10:00:00Z");
        await w3.DoneTimesAsync(2, "2025-05-02");
        await w3.MoveAsync(Lost, "2025-05-20T10:00:00Z", PriceReason);
        await w3.MoveAsync(Demo, "2025-06-02T10:00:00Z");
        await w3.DoneTimesAsync(3, "2025-06-03");
        var late = await w3.PlanAsync("2025-06-04T10:00:00Z", "2025-06-05T10:00:00Z");
        await w3.MoveAsync(Won, "2025-06-12T10:00:00Z");                       // 2 + 3 = 5
        await w3.CompleteAsync(late, "2025-06-13T10:00:00Z");                   // after the close: not counted
        var w4 = await Deal.CreateAsync(client, account, "2025-06-01T10:00:00Z");
        await w4.DoneTimesAsync(2, "2025-06-02");
        await w4.MoveAsync(Won, "2025-06-15T10:00:00Z");                       // 2
        // Not counted: won at `to`; lost then reopened and open now; won but deleted.
        var after = await Deal.CreateAsync(client, account, "2025-06-01T10:00:00Z");
        await after.DoneTimesAsync(5, "2025-06-02");
        await after.MoveAsync(Won, "2025-07-01T00:00:00Z");
        var reopened = await Deal.CreateAsync(client, account, "2025-06-01T10:00:00Z");
        await reopened.MoveAsync(Lost, "2025-06-05T10:00:00Z", PriceReason);
        await reopened.MoveAsync(Qualified, "2025-06-06T10:00:00Z");
        var deleted = await Deal.CreateAsync(client, account, "2025-06-01T10:00:00Z");
        await deleted.DoneTimesAsync(5, "2025-06-02");
        await deleted.MoveAsync(Won, "2025-06-20T10:00:00Z");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/opportunities/{deleted.Id}")).StatusCode);

        var m = (await client.ReportAsync<FollowUpDiscipline>($"{Path}?from=2025-06-01&to=2025-07-01&userId={rep.Id}")).Totals;

        // Won: 5, 6, 5, 2 → average 18 / 4 = 4.5; sorted 2 5 5 6 → median 5; three with 5 or more: 3 / 4 = 0.75.
        Assert.Equal(new FollowUpsBeforeWin(4, 4.5, 5, 3, 0.75), m.BeforeWin);
        Assert.Equal(new EarlyGiveUp(0, 0, null), m.EarlyGiveUp);   // the reopened deal is no longer lost; w3 was lost in May
        var won = await client.ExplainAllAsync($"{Path}/explain?figure=won_deals&from=2025-06-01&to=2025-07-01&userId={rep.Id}");
        Assert.Equal([w1.Id, w2.Id, w3.Id, w4.Id], won.Select(r => r.Id));
        Assert.Equal([5.0, 6.0, 5.0, 2.0], won.Select(r => r.Value));
        Assert.All(won, r => Assert.Equal((MetricRecordKind.Opportunity, 1000m), (r.Kind, r.Amount!.Value)));
    }

    [Fact]
    public async Task Early_give_up_rate_is_the_share_of_lost_deals_with_at_most_one_follow_up()
    {
        // metrics.md: "48% of sellers give up after one". Here 3 of 5 lost deals had at most one: 0.6.
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var lost = new List<Deal>();
        int[] followUps = [0, 1, 2, 1, 3];
        for (var i = 0; i < followUps.Length; i++)
        {
            var deal = await Deal.CreateAsync(client, account, "2025-08-01T10:00:00Z");
            await deal.DoneTimesAsync(followUps[i], "2025-08-02");
            await deal.MoveAsync(Lost, $"2025-08-1{i}T10:00:00Z", PriceReason);
            lost.Add(deal);
        }

        var cancelled = await lost[0].PlanAsync("2025-08-03T10:00:00Z", "2025-08-04T10:00:00Z"); // a cancelled follow-up is not completed
        Assert.Equal(HttpStatusCode.OK, (await client.WithIfMatchAsync(HttpMethod.Post, $"{ActivitiesApi.FollowUpsPath}/{cancelled.Id}/cancel", new { }, cancelled.Version)).StatusCode);

        var m = (await client.ReportAsync<FollowUpDiscipline>($"{Path}?from=2025-08-01&to=2025-09-01&userId={rep.Id}")).Totals;

        Assert.Equal(new EarlyGiveUp(5, 3, 0.6), m.EarlyGiveUp);   // 0, 1 and 1 follow-ups: 3 / 5
        Assert.Equal(0, m.BeforeWin.DealsWon);
        var giveUps = await client.ExplainAllAsync($"{Path}/explain?figure=early_give_ups&from=2025-08-01&to=2025-09-01&userId={rep.Id}");
        Assert.Equal([lost[0].Id, lost[1].Id, lost[3].Id], giveUps.Select(r => r.Id));
        Assert.Equal([0.0, 1.0, 1.0], giveUps.Select(r => r.Value));
        var all = await client.ExplainAllAsync($"{Path}/explain?figure=lost_deals&from=2025-08-01&to=2025-09-01&userId={rep.Id}");
        Assert.Equal(lost.Select(d => d.Id), all.Select(r => r.Id));
    }

    [Fact]
    public async Task Timeliness_is_the_share_completed_by_the_due_time_and_the_lateness_of_the_late_ones()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var deal = await Deal.CreateAsync(client, account, "2025-09-01T10:00:00Z");
        var early = await deal.DoneAsync("2025-10-02T09:00:00Z", due: "2025-10-02T10:00:00Z");      // an hour early: on time
        var exact = await deal.DoneAsync("2025-10-03T10:00:00Z", due: "2025-10-03T10:00:00Z");      // at the due time: on time
        var six = await deal.DoneAsync("2025-10-04T16:00:00Z", due: "2025-10-04T10:00:00Z");        // 6 h late
        var day = await deal.DoneAsync("2025-10-06T10:00:00Z", due: "2025-10-05T10:00:00Z");        // 24 h late
        var thirty = await deal.DoneAsync("2025-10-07T16:00:00Z", due: "2025-10-06T10:00:00Z");     // 30 h late
        await deal.DoneAsync("2025-09-30T23:59:59.999Z", due: "2025-09-20T10:00:00Z");              // before the window
        await deal.DoneAsync("2025-11-01T00:00:00Z", due: "2025-10-20T10:00:00Z");                  // at `to`: out
        var deleted = await deal.DoneAsync("2025-10-10T10:00:00Z", due: "2025-10-08T10:00:00Z");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{ActivitiesApi.FollowUpsPath}/{deleted.Id}")).StatusCode);
        await deal.PlanAsync("2025-10-01T10:00:00Z", "2025-10-02T10:00:00Z");                        // still open: not completed

        var m = (await client.ReportAsync<FollowUpDiscipline>($"{Path}?from=2025-10-01&to=2025-11-01&userId={rep.Id}")).Totals;

        // 5 completed, 2 on time: 0.4. Late 6, 24, 30 h: median 24, average 60 / 3 = 20.
        Assert.Equal(new FollowUpTimeliness(5, 2, 0.4, 3, 24, 20), m.Timeliness);
        var lateOnes = await client.ExplainAllAsync($"{Path}/explain?figure=late_follow_ups&from=2025-10-01&to=2025-11-01&userId={rep.Id}");
        Assert.Equal([six.Id, day.Id, thirty.Id], lateOnes.Select(r => r.Id));
        Assert.Equal([6.0, 24.0, 30.0], lateOnes.Select(r => r.Value));
        Assert.All(lateOnes, r => Assert.Equal((MetricRecordKind.FollowUp, deal.Id), (r.Kind, r.OpportunityId!.Value)));
        var completed = await client.ExplainAllAsync($"{Path}/explain?figure=completed_follow_ups&from=2025-10-01&to=2025-11-01&userId={rep.Id}");
        Assert.Equal([early.Id, exact.Id, six.Id, day.Id, thirty.Id], completed.Select(r => r.Id));
        Assert.Equal([0.0, 0.0, 6.0, 24.0, 30.0], completed.Select(r => r.Value));
    }

    [Fact]
    public async Task Median_and_average_lateness_are_the_exact_ones_not_whole_hours()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var deal = await Deal.CreateAsync(client, account, "2025-12-01T09:00:00Z");
        await deal.DoneAsync("2025-12-02T10:30:00Z", due: "2025-12-02T10:00:00Z");             // 0.5 h late (hour 1)
        await deal.DoneAsync("2025-12-03T11:15:00Z", due: "2025-12-03T10:00:00Z");             // 1.25 h late (hour 2)
        await deal.DoneAsync("2025-12-04T11:54:00.001Z", due: "2025-12-04T10:00:00Z");         // 1.9 h + 1 ms late (hour 2)
        await deal.DoneAsync("2026-01-05T10:45:00Z", due: "2026-01-05T10:00:00Z");             // 0.75 h late (hour 1), January
        await deal.DoneAsync("2026-01-06T11:00:00Z", due: "2026-01-06T10:00:00Z");             // exactly 1 h late (hour 1), January

        var december = (await client.ReportAsync<FollowUpDiscipline>($"{Path}?from=2025-12-01&to=2026-01-01&userId={rep.Id}")).Totals;
        var months = await client.ReportAsync<FollowUpDiscipline>($"{Path}?from=2025-12-01&to=2026-02-01&userId={rep.Id}&bucket=month");
        var cut = (await client.ReportAsync<FollowUpDiscipline>(
            $"{Path}?from=2025-12-01&to=2026-02-01&userId={rep.Id}&pipelineId={DefaultPipelineId}")).Totals;

        // December, late 0.5, 1.25 and 1.9000003 h: the middle one is the less late of hour 2's two, 1.25 (not hour 2's
        // middle 1.5 nor its end 2); average (0.5 + 1.25 + 1.9 h + 1 ms) / 3 = 3.6500003 / 3 = 1.2166668 -> 1.2167.
        Assert.Equal(new FollowUpTimeliness(3, 0, 0, 3, 1.25, 1.2167), december.Timeliness);
        Assert.Equal(december.Timeliness, months.Series![0].Values.Timeliness);
        // January, late 0.75 and 1 h (both hour 1): median (0.75 + 1) / 2 = 0.875, average 1.75 / 2 = 0.875.
        Assert.Equal(new FollowUpTimeliness(2, 0, 0, 2, 0.875, 0.875), months.Series[1].Values.Timeliness);
        // Both months, 0.5, 0.75, 1 | 1.25, 1.9000003 h: the middle rank is the third, 1 h, in hour 1;
        // average (0.5 + 0.75 + 1 + 1.25 + 1.9000003) / 5 = 5.4000003 / 5 = 1.08 (to 4 places).
        Assert.Equal(new FollowUpTimeliness(5, 0, 0, 5, 1, 1.08), months.Totals.Timeliness);
        // The pipeline cut reads its late follow-ups one by one: the same figures.
        Assert.Equal(months.Totals.Timeliness, cut.Timeliness);
    }

    [Fact]
    public async Task The_middle_ranks_of_an_even_count_may_fall_in_two_hours()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var deal = await Deal.CreateAsync(client, account, "2025-12-01T09:00:00Z");
        await deal.DoneAsync("2025-12-02T10:20:00Z", due: "2025-12-02T10:00:00Z");             // 20 min late (hour 1)
        await deal.DoneAsync("2025-12-03T10:40:00Z", due: "2025-12-03T10:00:00Z");             // 40 min late (hour 1)
        await deal.DoneAsync("2025-12-04T12:12:00Z", due: "2025-12-04T10:00:00Z");             // 2.2 h late (hour 3)
        await deal.DoneAsync("2025-12-05T15:00:00Z", due: "2025-12-05T10:00:00Z");             // 5 h late (hour 5)

        var m = (await client.ReportAsync<FollowUpDiscipline>($"{Path}?from=2025-12-01&to=2026-01-01&userId={rep.Id}")).Totals;

        // Late 1/3, 2/3, 2.2 and 5 h: the middle two are 2/3 h (hour 1) and 2.2 h (hour 3): median (0.6667 + 2.2) / 2 =
        // 1.4333…; average (1/3 + 2/3 + 2.2 + 5) / 4 = 8.2 / 4 = 2.05.
        Assert.Equal(new FollowUpTimeliness(4, 0, 0, 4, 1.4333, 2.05), m.Timeliness);
    }

    [Fact]
    public async Task An_empty_window_has_zero_counts_and_null_averages_and_ratios()
    {
        var (rep, client) = await factory.PersonAsync("rep");

        var m = (await client.ReportAsync<FollowUpDiscipline>($"{Path}?from=2024-01-01&to=2024-02-01&userId={rep.Id}")).Totals;

        Assert.Equal(new FollowUpDistribution(0, 0, 0, 0, 0, 0), m.StageAdvances.Distribution);
        Assert.Equal((0L, (double?)null, (double?)null, 0), (m.StageAdvances.Advances, m.StageAdvances.AverageFollowUps, m.StageAdvances.MedianFollowUps, m.StageAdvances.Stages.Count));
        Assert.Equal(new FollowUpsBeforeWin(0, null, null, 0, null), m.BeforeWin);
        Assert.Equal(new EarlyGiveUp(0, 0, null), m.EarlyGiveUp);
        Assert.Equal(new FollowUpTimeliness(0, 0, null, 0, null, null), m.Timeliness);
    }

    [Fact]
    public async Task A_pipeline_cut_keeps_that_pipelines_advances_and_deals()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var other = await factory.CreatePipelineAsync("Intro", "Pilot");
        var inDefault = await Deal.CreateAsync(client, account, "2025-11-01T10:00:00Z");
        await inDefault.DoneAsync("2025-11-02T10:00:00Z");
        await inDefault.MoveAsync(Qualified, "2025-11-03T10:00:00Z");
        var inOther = await Deal.CreateAsync(client, account, "2025-11-01T10:00:00Z", other.Id, other.Stages[0].Id);
        await inOther.MoveAsync(other.Stages[1].Id, "2025-11-04T10:00:00Z");
        const string window = "from=2025-11-01&to=2025-12-01";

        var all = (await client.ReportAsync<FollowUpDiscipline>($"{Path}?{window}&userId={rep.Id}")).Totals;
        var cut = (await client.ReportAsync<FollowUpDiscipline>($"{Path}?{window}&userId={rep.Id}&pipelineId={other.Id}")).Totals;

        Assert.Equal(2, all.StageAdvances.Advances);
        Assert.Equal((1L, 0.0), (cut.StageAdvances.Advances, cut.StageAdvances.AverageFollowUps!.Value));
        Assert.Equal([(other.Stages[0].Id, other.Id)], cut.StageAdvances.Stages.Select(x => (x.StageId, x.PipelineId)));
        Assert.Equal((1L, 0L), (all.Timeliness.Completed, cut.Timeliness.Completed)); // the follow-up is on the default pipeline's deal
    }

    [Fact]
    public async Task Another_teams_rep_or_an_unknown_pipeline_is_not_found()
    {
        var team = await factory.TeamAsync();
        var other = await factory.TeamAsync();
        var (_, rep) = await factory.PersonAsync("rep", team.Id);
        var (stranger, _) = await factory.PersonAsync("rep", other.Id);
        const string window = "from=2025-01-01&to=2025-02-01";

        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync($"{Path}?{window}&teamId={team.Id}")).StatusCode);
        await (await rep.GetAsync($"{Path}?{window}&userId={stranger.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rep.GetAsync($"{Path}/explain?figure=won_deals&{window}&userId={stranger.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rep.GetAsync($"{Path}?{window}&pipelineId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var problem = await (await rep.GetAsync($"{Path}/explain?figure=smiles&{window}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("figure", problem.ErrorFields());
    }

    /// <summary>An opportunity recorded as history: its id, current version, and helpers for its moves and follow-ups.</summary>
    private sealed class Deal(HttpClient client, Guid id, int version, DateTimeOffset createdAt)
    {
        private int _version = version;

        public Guid Id => id;

        public static async Task<Deal> CreateAsync(HttpClient client, Guid account, string occurredAt, Guid? pipelineId = null, Guid? stageId = null)
        {
            var dto = pipelineId is null
                ? await client.CreateOpportunityAsync(account, new { occurredAt = Utc(occurredAt) })
                : await client.CreateOpportunityAsync(account, new { occurredAt = Utc(occurredAt), pipelineId, stageId });
            return new Deal(client, dto.Id, dto.Version, Utc(occurredAt));
        }

        /// <summary>Moves the deal and returns the stage move's id.</summary>
        public async Task<Guid> MoveAsync(Guid stage, string occurredAt, Guid? lostReasonId = null)
        {
            var response = await client.MoveAsync(id, _version, new { toStageId = stage, occurredAt = Utc(occurredAt), lostReasonId });
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            _version = int.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
            return (await response.ReadAsync<StageMoveDto>()).Id;
        }

        /// <summary>A follow-up planned at the deal's creation, due at <paramref name="due"/> (default: when completed), completed at <paramref name="completedAt"/>.</summary>
        public async Task<FollowUpDto> DoneAsync(string completedAt, string? due = null) =>
            await CompleteAsync(await PlanAsync(createdAt, Utc(due ?? completedAt)), completedAt);

        /// <summary><paramref name="count"/> follow-ups completed on one day, an hour apart from 08:00.</summary>
        public async Task DoneTimesAsync(int count, string day)
        {
            for (var i = 0; i < count; i++)
            {
                await DoneAsync($"{day}T{8 + i:00}:00:00Z");
            }
        }

        public Task<FollowUpDto> PlanAsync(string occurredAt, string due) => PlanAsync(Utc(occurredAt), Utc(due));

        public async Task<FollowUpDto> CompleteAsync(FollowUpDto followUp, string completedAt)
        {
            var response = await client.WithIfMatchAsync(HttpMethod.Post, $"{ActivitiesApi.FollowUpsPath}/{followUp.Id}/complete", new { completedAt = Utc(completedAt) }, followUp.Version);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return await response.ReadAsync<FollowUpDto>();
        }

        private Task<FollowUpDto> PlanAsync(DateTimeOffset occurredAt, DateTimeOffset due) =>
            client.PlanAsync(new { channel = "call", dueAt = due, opportunityId = id, occurredAt });
    }
}
