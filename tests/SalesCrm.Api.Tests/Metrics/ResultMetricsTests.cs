using System.Net;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Leads;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Api.Tests.Pipelines;
using SalesCrm.Api.Tests.SalesDirectory;
using SalesCrm.Application.Leads;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.Results;
using SalesCrm.Domain.Pipelines;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;
using static SalesCrm.Api.Tests.Pipelines.PipelinesApi;

namespace SalesCrm.Api.Tests.Metrics;

/// <summary>
/// Results (section D, and section C's win rate and lost reasons) and lead metrics. Every test records history for a fresh
/// rep (history import: occurredAt) and reads that rep's numbers. Organisation time zone: UTC.
/// </summary>
public sealed class ResultMetricsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Path = "/api/v1/metrics/results";
    private const string LeadsPath = "/api/v1/metrics/leads";

    [Fact]
    public async Task A_window_of_won_and_lost_deals_gives_win_rate_deal_size_cycle_and_velocity()
    {
        var (rep, client, deals) = await MarchAsync();

        var report = await client.ReportAsync<ResultMetrics>($"{Path}?from=2025-03-01&to=2025-04-01&userId={rep.Id}");

        var m = report.Totals;
        Assert.Equal(4, m.DealsWon);               // A, B, C, E (E lost on 03-05, reopened, won on 03-16: once, as won)
        Assert.Equal(12000m, m.RevenueWon);        // 1000 + 3000 + 2000 + 6000
        Assert.Equal(2, m.DealsLost);              // L1, L2 (E and F were lost in March but are not lost now)
        Assert.Equal(0.6667, m.WinRate);           // 4 / (4 + 2) = 0.66666… → 0.6667
        Assert.Equal(2, m.WinLossRatio);           // 4 / 2
        Assert.Equal(3000m, m.AverageDealSize);    // 12000 / 4
        Assert.Equal(2500m, m.MedianDealSize);     // sizes 1000, 2000, 3000, 6000 → (2000 + 3000) / 2
        Assert.Equal(21, m.AverageCycleDays);      // cycles A 30, B 10, C 20, E 24 → 84 / 4
        Assert.Equal(22, m.MedianCycleDays);       // 10, 20, 24, 30 → (20 + 24) / 2
        Assert.Equal(3, m.OpenOpportunities);      // just before 04-01: D (won at 04-01 00:00), F (reopened), G
        Assert.Equal(285.7143m, m.SalesVelocity);  // 3 × (4/6) × 3000 / 21 = 36000 / 126 = 285.714285… → 285.7143
        Assert.Null(report.Series);
        Assert.Equal(rep.Id, report.Context.UserId);
        Assert.DoesNotContain(deals["deleted"], await IdsAsync(client, "won_deals", rep.Id));
    }

    [Fact]
    public async Task Explain_lists_exactly_the_deals_behind_each_figure()
    {
        var (rep, client, deals) = await MarchAsync();
        var path = $"{Path}/explain?from=2025-03-01&to=2025-04-01&userId={rep.Id}&figure=";

        var won = await client.ExplainAllAsync(path + "won_deals");
        Assert.Equal([deals["C"], deals["A"], deals["B"], deals["E"]], won.Select(r => r.Id)); // by close: 03-01, 03-03, 03-11, 03-16
        Assert.Equal([20.0, 30.0, 10.0, 24.0], won.Select(r => r.Value));                     // cycle days
        Assert.Equal([2000m, 1000m, 3000m, 6000m], won.Select(r => r.Amount));
        Assert.All(won, r => Assert.Equal((MetricRecordKind.Opportunity, rep.Id), (r.Kind, r.OwnerId)));
        Assert.Equal([deals["L1"], deals["L2"]], await IdsAsync(client, "lost_deals", rep.Id));
        Assert.Equal([deals["C"], deals["A"], deals["B"], deals["E"], deals["L1"], deals["L2"]], await IdsAsync(client, "closed_deals", rep.Id));
        Assert.Equal([deals["F"], deals["G"], deals["D"]], await IdsAsync(client, "open_opportunities", rep.Id)); // by creation: 03-02, 03-15, 03-20
    }

    [Fact]
    public async Task A_monthly_series_counts_open_deals_at_each_bucket_end_and_has_an_empty_month()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        await WonAsync(client, account, 100m, "2024-01-05T00:00:00Z", "2024-01-10T00:00:00Z"); // 5-day cycle
        await LostAsync(client, account, 400m, "2024-01-20T00:00:00Z", "2024-03-05T00:00:00Z", PriceReason);

        var report = await client.ReportAsync<ResultMetrics>($"{Path}?from=2024-01-01&to=2024-04-01&bucket=month&userId={rep.Id}");

        var (jan, feb, mar) = (report.Series![0].Values, report.Series[1].Values, report.Series[2].Values);
        // January: 1 won, no losses; open at 02-01: the deal lost later → velocity 1 × 1 × 100 / 5 = 20.
        Assert.Equal((1L, 100m, 0L, (double?)1.0, (double?)null, 1L, (decimal?)20m), (jan.DealsWon, jan.RevenueWon, jan.DealsLost, jan.WinRate, jan.WinLossRatio, jan.OpenOpportunities, jan.SalesVelocity));
        // February: nothing closed (null ratios), still one open deal.
        Assert.Equal((0L, 0m, 0L, (double?)null, (decimal?)null, (double?)null, 1L, (decimal?)null), (feb.DealsWon, feb.RevenueWon, feb.DealsLost, feb.WinRate, feb.AverageDealSize, feb.AverageCycleDays, feb.OpenOpportunities, feb.SalesVelocity));
        // March: one lost, win rate 0, no deal size, nothing open at 04-01.
        Assert.Equal((0L, 1L, (double?)0.0, (double?)0.0, (decimal?)null, 0L, (decimal?)null), (mar.DealsWon, mar.DealsLost, mar.WinRate, mar.WinLossRatio, mar.AverageDealSize, mar.OpenOpportunities, mar.SalesVelocity));
        // Whole window: 1 won, 1 lost → 0.5 and 1; open at 04-01: none → velocity 0 × 0.5 × 100 / 5 = 0.
        var m = report.Totals;
        Assert.Equal((1L, 1L, (double?)0.5, (double?)1.0, 0L, (decimal?)0m), (m.DealsWon, m.DealsLost, m.WinRate, m.WinLossRatio, m.OpenOpportunities, m.SalesVelocity));
    }

    [Fact]
    public async Task An_empty_window_has_zeros_and_null_ratios()
    {
        var (rep, client) = await factory.PersonAsync("rep");

        var m = (await client.ReportAsync<ResultMetrics>($"{Path}?from=2023-01-01&to=2023-02-01&userId={rep.Id}")).Totals;

        Assert.Equal((0L, 0m, 0L, 0L), (m.DealsWon, m.RevenueWon, m.DealsLost, m.OpenOpportunities));
        Assert.Null(m.WinRate);
        Assert.Null(m.WinLossRatio);
        Assert.Null(m.AverageDealSize);
        Assert.Null(m.MedianDealSize);
        Assert.Null(m.AverageCycleDays);
        Assert.Null(m.MedianCycleDays);
        Assert.Null(m.SalesVelocity);
        var lost = await (await client.GetAsync($"{Path}/lost-reasons?from=2023-01-01&to=2023-02-01&userId={rep.Id}")).ReadAsync<LostReasonsReport>();
        Assert.Equal((0L, 0m), (lost.DealsLost, lost.AmountLost));
        Assert.Empty(lost.Reasons);
        Assert.Empty(lost.Competitors);
        var leads = (await client.ReportAsync<LeadMetrics>($"{LeadsPath}?from=2023-01-01&to=2023-02-01&userId={rep.Id}")).Totals;
        Assert.Equal((0L, 0L, 0L, 0L), (leads.LeadsCreated, leads.LeadsConverted, leads.Responded, leads.Unanswered));
        Assert.Null(leads.ConversionRate);
        Assert.Null(leads.AverageResponseHours);
        Assert.Null(leads.MedianResponseHours);
    }

    [Fact]
    public async Task Lost_deals_are_grouped_by_reason_and_by_competitor()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        await LostAsync(client, account, 500m, "2025-04-01T00:00:00Z", "2025-04-02T00:00:00Z", PriceReason);
        await LostAsync(client, account, 1500m, "2025-04-01T00:00:00Z", "2025-04-03T00:00:00Z", PriceReason);
        await LostAsync(client, account, 1000m, "2025-04-01T00:00:00Z", "2025-04-04T00:00:00Z", CompetitorReason, "Globex");
        await LostAsync(client, account, 3000m, "2025-04-01T00:00:00Z", "2025-04-05T00:00:00Z", CompetitorReason, "Globex");
        await LostAsync(client, account, 2000m, "2025-04-01T00:00:00Z", "2025-04-06T00:00:00Z", CompetitorReason, "Initech");
        await LostAsync(client, account, 9000m, "2025-04-01T00:00:00Z", "2025-05-01T00:00:00Z", PriceReason);          // after the window
        var won = await client.CreateOpportunityAsync(account, new { amount = 7000m, occurredAt = Utc("2025-04-01T00:00:00Z") });
        await client.MovedAsync(won.Id, won.Version, new { toStageId = Won, competitor = "Globex", occurredAt = Utc("2025-04-07T00:00:00Z") }); // won: not lost

        var report = await (await client.GetAsync($"{Path}/lost-reasons?from=2025-04-01&to=2025-05-01&userId={rep.Id}")).ReadAsync<LostReasonsReport>();

        Assert.Equal((5L, 8000m), (report.DealsLost, report.AmountLost)); // 500 + 1500 + 1000 + 3000 + 2000
        // Lost to competitor: 3 deals, 6000, 3/5 = 0.6; Price: 2 deals, 2000, 2/5 = 0.4.
        Assert.Equal(
            [((Guid?)CompetitorReason, "Lost to competitor", 3L, 6000m, (double?)0.6), (PriceReason, "Price", 2L, 2000m, 0.4)],
            report.Reasons.Select(r => (r.LostReasonId, r.Name, r.Count, r.Amount, r.Share)));
        // Globex 2 (4000, 0.4), none given 2 (2000, 0.4: fewer dollars, so second), Initech 1 (2000, 0.2).
        Assert.Equal(
            [("Globex", 2L, 4000m, (double?)0.4), (null, 2L, 2000m, 0.4), ("Initech", 1L, 2000m, 0.2)],
            report.Competitors.Select(c => (c.Competitor, c.Count, c.Amount, c.Share)));
    }

    [Fact]
    public async Task A_pipeline_cut_keeps_only_that_pipelines_deals()
    {
        var pipeline = await factory.CreatePipelineAsync("Open");
        var won = pipeline.Stages.Single(s => s.Kind == StageKind.Won).Id;
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        await WonAsync(client, account, 100m, "2025-06-01T00:00:00Z", "2025-06-02T00:00:00Z"); // default pipeline
        var other = await client.CreateOpportunityAsync(account, new { amount = 250m, pipelineId = pipeline.Id, occurredAt = Utc("2025-06-01T00:00:00Z") });
        await client.MovedAsync(other.Id, other.Version, new { toStageId = won, occurredAt = Utc("2025-06-03T00:00:00Z") });
        var window = $"from=2025-06-01&to=2025-07-01&userId={rep.Id}";

        Assert.Equal((2L, 350m), Pick(await client.ReportAsync<ResultMetrics>($"{Path}?{window}")));
        Assert.Equal((1L, 250m), Pick(await client.ReportAsync<ResultMetrics>($"{Path}?{window}&pipelineId={pipeline.Id}")));
        Assert.Equal([other.Id], await IdsAsync(client, "won_deals", rep.Id, $"&from=2025-06-01&to=2025-07-01&pipelineId={pipeline.Id}"));
        await (await client.GetAsync($"{Path}?{window}&pipelineId={Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        static (long, decimal) Pick(MetricReport<ResultMetrics> r) => (r.Totals.DealsWon, r.Totals.RevenueWon);
    }

    [Fact]
    public async Task Leads_created_in_the_window_give_conversion_and_response_time()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        // Window [2025-05-01, 2025-06-01).
        var l1 = await LeadAsync(client, "2025-05-02T08:00:00Z");
        await NoteAsync(client, l1, "2025-05-02T10:30:00Z");                         // first activity after 2.5 h
        await NoteAsync(client, l1, "2025-05-03T10:00:00Z");                         // a later one does not matter
        await ConvertAsync(client, l1, "2025-05-10T00:00:00Z");
        var l2 = await LeadAsync(client, "2025-05-05T00:00:00Z");
        await NoteAsync(client, l2, "2025-05-05T06:00:00Z");                         // 6 h
        var l3 = await LeadAsync(client, "2025-05-06T00:00:00Z");
        await NoteAsync(client, l3, "2025-05-04T00:00:00Z");                         // logged as before the lead: 0 h
        var l4 = await LeadAsync(client, "2025-05-07T00:00:00Z");                    // never answered
        await ConvertAsync(client, l4, "2025-06-15T00:00:00Z");                      // converted after the window: still converted
        var l5 = await LeadAsync(client, "2025-05-08T00:00:00Z");
        var deletedNote = await NoteAsync(client, l5, "2025-05-08T01:00:00Z");       // deleted: l5 is unanswered
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/activities/{deletedNote}")).StatusCode);
        await LeadAsync(client, "2025-04-30T23:59:59.999Z");                         // before the window
        await LeadAsync(client, "2025-06-01T00:00:00Z");                             // `to` is exclusive
        var deleted = await LeadAsync(client, "2025-05-09T00:00:00Z");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/leads/{deleted}")).StatusCode);
        var window = $"from=2025-05-01&to=2025-06-01&userId={rep.Id}";

        var m = (await client.ReportAsync<LeadMetrics>($"{LeadsPath}?{window}")).Totals;

        Assert.Equal(5, m.LeadsCreated);               // l1..l5
        Assert.Equal(2, m.LeadsConverted);             // l1, l4
        Assert.Equal(0.4, m.ConversionRate);           // 2 / 5
        Assert.Equal(3, m.Responded);                  // l1, l2, l3
        Assert.Equal(2, m.Unanswered);                 // l4, l5
        Assert.Equal(2.8333, m.AverageResponseHours);  // (2.5 + 6 + 0) / 3 = 2.8333…
        Assert.Equal(2.5, m.MedianResponseHours);      // 0, 2.5, 6
        var responded = await client.ExplainAllAsync($"{LeadsPath}/explain?figure=leads_responded&{window}");
        Assert.Equal([l1, l2, l3], responded.Select(r => r.Id));
        Assert.Equal([2.5, 6.0, 0.0], responded.Select(r => r.Value));
        Assert.All(responded, r => Assert.Equal(MetricRecordKind.Lead, r.Kind));
        Assert.Equal([l1, l4], (await client.ExplainAllAsync($"{LeadsPath}/explain?figure=leads_converted&{window}")).Select(r => r.Id));
        Assert.Equal([l1, l2, l3, l4, l5], (await client.ExplainAllAsync($"{LeadsPath}/explain?figure=leads_created&{window}")).Select(r => r.Id));
    }

    [Fact]
    public async Task A_weekly_lead_series_includes_an_empty_week()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        // Weeks from Mon 2025-09-01: [09-01, 09-08) one answered lead, [09-08, 09-15) none, [09-15, 09-22) one unanswered.
        var first = await LeadAsync(client, "2025-09-02T00:00:00Z");
        await NoteAsync(client, first, "2025-09-02T01:00:00Z");
        await LeadAsync(client, "2025-09-16T00:00:00Z");

        var report = await client.ReportAsync<LeadMetrics>($"{LeadsPath}?from=2025-09-01&to=2025-09-22&bucket=week&userId={rep.Id}");

        Assert.Equal([1L, 0L, 1L], report.Series!.Select(p => p.Values.LeadsCreated));
        Assert.Equal([1.0, (double?)null, null], report.Series!.Select(p => p.Values.AverageResponseHours));
        Assert.Equal((2L, 1L, 1.0), (report.Totals.LeadsCreated, report.Totals.Responded, report.Totals.MedianResponseHours!.Value));
    }

    [Fact]
    public async Task A_managers_team_numbers_add_up_its_reps_deals()
    {
        var team = await factory.TeamAsync();
        var (_, first) = await factory.PersonAsync("rep", team.Id);
        var (_, second) = await factory.PersonAsync("rep", team.Id);
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var account = await factory.AccountAsync();
        await WonAsync(first, account, 1000m, "2025-10-01T00:00:00Z", "2025-10-03T00:00:00Z");  // 2-day cycle
        await WonAsync(second, account, 3000m, "2025-10-01T00:00:00Z", "2025-10-07T00:00:00Z"); // 6-day cycle
        await LostAsync(second, account, 500m, "2025-10-01T00:00:00Z", "2025-10-08T00:00:00Z", PriceReason);

        var report = await manager.ReportAsync<ResultMetrics>($"{Path}?from=2025-10-01&to=2025-11-01"); // a manager without a filter: their team

        var m = report.Totals;
        Assert.Equal(team.Id, report.Context.TeamId);
        Assert.Equal((2L, 4000m, 1L, (double?)0.6667), (m.DealsWon, m.RevenueWon, m.DealsLost, m.WinRate)); // 2 / 3
        Assert.Equal(((decimal?)2000m, (decimal?)2000m, (double?)4.0), (m.AverageDealSize, m.MedianDealSize, m.AverageCycleDays)); // 4000 / 2; (2 + 6) / 2
    }

    [Fact]
    public async Task The_organisation_sums_every_team_and_takes_each_months_medians_from_its_own_deals()
    {
        var (_, first) = await factory.PersonAsync("rep", (await factory.TeamAsync()).Id);
        var (_, second) = await factory.PersonAsync("rep", (await factory.TeamAsync()).Id);
        var admin = await factory.AdminClientAsync();
        var account = await factory.AccountAsync();
        await WonAsync(first, account, 1000m, "2021-01-01T00:00:00Z", "2021-01-03T00:00:00Z");  // January: 2-day cycle
        await WonAsync(second, account, 5000m, "2021-01-01T00:00:00Z", "2021-01-11T00:00:00Z"); // January: 10 days
        await WonAsync(second, account, 2000m, "2021-01-20T00:00:00Z", "2021-01-21T12:00:00Z"); // January: 1.5 days
        await WonAsync(first, account, 4000m, "2021-02-01T00:00:00Z", "2021-02-05T00:00:00Z");  // February: 4 days
        await WonAsync(second, account, 3000m, "2021-02-01T00:00:00Z", "2021-02-07T00:00:00Z"); // February: 6 days
        await LostAsync(first, account, 800m, "2021-02-01T00:00:00Z", "2021-02-02T00:00:00Z", PriceReason);

        var report = await admin.ReportAsync<ResultMetrics>($"{Path}?from=2021-01-01&to=2021-03-01&bucket=month");

        var (jan, feb, all) = (report.Series![0].Values, report.Series[1].Values, report.Totals);
        // January, an odd count: sizes 1000, 2000, 5000 → 2000; cycles 1.5, 2, 10 → 2; average (2 + 10 + 1.5) / 3 = 4.5.
        Assert.Equal((3L, 8000m, (decimal?)2000m, (double?)2.0, (double?)4.5), (jan.DealsWon, jan.RevenueWon, jan.MedianDealSize, jan.MedianCycleDays, jan.AverageCycleDays));
        // February, an even count: sizes 3000, 4000 → 3500; cycles 4, 6 → 5; one lost → win rate 2 / 3.
        Assert.Equal((2L, 7000m, 1L, (decimal?)3500m, (double?)5.0, (double?)0.6667), (feb.DealsWon, feb.RevenueWon, feb.DealsLost, feb.MedianDealSize, feb.MedianCycleDays, feb.WinRate));
        // Both months: sizes 1000, 2000, 3000, 4000, 5000 → 3000; cycles 1.5, 2, 4, 6, 10 → 4; average 23.5 / 5 = 4.7.
        Assert.Equal((5L, 15000m, (decimal?)3000m, (decimal?)3000m, (double?)4.0, (double?)4.7), (all.DealsWon, all.RevenueWon, all.AverageDealSize, all.MedianDealSize, all.MedianCycleDays, all.AverageCycleDays));
    }

    [Fact]
    public async Task A_rep_asking_for_another_teams_rep_is_not_found()
    {
        var team = await factory.TeamAsync();
        var other = await factory.TeamAsync();
        var (_, rep) = await factory.PersonAsync("rep", team.Id);
        var (stranger, _) = await factory.PersonAsync("rep", other.Id);
        var query = $"from=2025-01-01&to=2025-02-01&userId={stranger.Id}";

        await (await rep.GetAsync($"{Path}?{query}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rep.GetAsync($"{Path}/lost-reasons?{query}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rep.GetAsync($"{Path}/explain?figure=won_deals&{query}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rep.GetAsync($"{LeadsPath}?{query}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rep.GetAsync($"{LeadsPath}/explain?figure=leads_created&{query}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rep.GetAsync($"{Path}?from=2025-01-01&to=2025-02-01&teamId={other.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Explain_needs_a_known_figure_and_a_window()
    {
        using var admin = await factory.AdminClientAsync();

        var figure = await (await admin.GetAsync($"{Path}/explain?figure=leads_created&from=2025-01-01&to=2025-02-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var window = await (await admin.GetAsync($"{LeadsPath}?to=2025-02-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("figure", figure.ErrorFields());
        Assert.Contains("from", window.ErrorFields());
    }

    /// <summary>
    /// March 2025 for a fresh rep. Won in the window: C (created 02-09, won 03-01 00:00 — the first instant — 20 days, 2000),
    /// A (02-01 → 03-03, 30 days, 1000), B (03-01 → 03-11, 10 days, 3000), E (02-20, lost 03-05, reopened 03-06, won 03-16: 24
    /// days, 6000). Lost: L1 (03-20, 500), L2 (03-31 23:59:59.999 — the last instant, 700). Outside or not counted: D (created
    /// 03-20, won 04-01 00:00: `to` is exclusive), L3 (lost 02-28 23:59:59.999), F (created 03-02, lost 03-10, reopened 03-12,
    /// open now), G (created 03-15, open), H (created 04-02), a won deal soft-deleted.
    /// </summary>
    private async Task<(Application.People.UserDto Rep, HttpClient Client, Dictionary<string, Guid> Deals)> MarchAsync()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var account = await factory.AccountAsync();
        var deals = new Dictionary<string, Guid>
        {
            ["A"] = await WonAsync(client, account, 1000m, "2025-02-01T00:00:00Z", "2025-03-03T00:00:00Z"),
            ["B"] = await WonAsync(client, account, 3000m, "2025-03-01T00:00:00Z", "2025-03-11T00:00:00Z"),
            ["C"] = await WonAsync(client, account, 2000m, "2025-02-09T00:00:00Z", "2025-03-01T00:00:00Z"),
            ["D"] = await WonAsync(client, account, 9999m, "2025-03-20T00:00:00Z", "2025-04-01T00:00:00Z"),
            ["L1"] = await LostAsync(client, account, 500m, "2025-02-15T00:00:00Z", "2025-03-20T00:00:00Z", PriceReason),
            ["L2"] = await LostAsync(client, account, 700m, "2025-03-02T00:00:00Z", "2025-03-31T23:59:59.999Z", CompetitorReason, "Globex"),
            ["L3"] = await LostAsync(client, account, 800m, "2025-02-01T00:00:00Z", "2025-02-28T23:59:59.999Z", PriceReason),
            ["G"] = (await client.CreateOpportunityAsync(account, new { amount = 50m, occurredAt = Utc("2025-03-15T00:00:00Z") })).Id,
            ["H"] = (await client.CreateOpportunityAsync(account, new { amount = 60m, occurredAt = Utc("2025-04-02T00:00:00Z") })).Id,
            ["deleted"] = await WonAsync(client, account, 5000m, "2025-03-01T00:00:00Z", "2025-03-02T00:00:00Z"),
        };
        var e = await client.CreateOpportunityAsync(account, new { amount = 6000m, occurredAt = Utc("2025-02-20T00:00:00Z") });
        var v = await client.MovedAsync(e.Id, e.Version, new { toStageId = Lost, lostReasonId = PriceReason, occurredAt = Utc("2025-03-05T00:00:00Z") });
        v = await client.MovedAsync(e.Id, v, new { toStageId = Demo, occurredAt = Utc("2025-03-06T00:00:00Z") });
        await client.MovedAsync(e.Id, v, new { toStageId = Won, occurredAt = Utc("2025-03-16T00:00:00Z") });
        deals["E"] = e.Id;
        var f = await client.CreateOpportunityAsync(account, new { amount = 70m, occurredAt = Utc("2025-03-02T00:00:00Z") });
        v = await client.MovedAsync(f.Id, f.Version, new { toStageId = Lost, lostReasonId = PriceReason, occurredAt = Utc("2025-03-10T00:00:00Z") });
        await client.MovedAsync(f.Id, v, new { toStageId = Qualified, occurredAt = Utc("2025-03-12T00:00:00Z") });
        deals["F"] = f.Id;
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/opportunities/{deals["deleted"]}")).StatusCode);
        return (rep, client, deals);
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string figure, Guid userId, string window = "&from=2025-03-01&to=2025-04-01") =>
        (await client.ExplainAllAsync($"{Path}/explain?figure={figure}&userId={userId}{window}")).Select(r => r.Id).ToList();

    private static async Task<Guid> WonAsync(HttpClient client, Guid account, decimal amount, string created, string won)
    {
        var deal = await client.CreateOpportunityAsync(account, new { amount, occurredAt = Utc(created) });
        await client.MovedAsync(deal.Id, deal.Version, new { toStageId = Won, occurredAt = Utc(won) });
        return deal.Id;
    }

    private static async Task<Guid> LostAsync(HttpClient client, Guid account, decimal amount, string created, string lost, Guid reason, string? competitor = null)
    {
        var deal = await client.CreateOpportunityAsync(account, new { amount, occurredAt = Utc(created) });
        await client.MovedAsync(deal.Id, deal.Version, new { toStageId = Lost, lostReasonId = reason, competitor, occurredAt = Utc(lost) });
        return deal.Id;
    }

    private static async Task<Guid> LeadAsync(HttpClient client, string created) =>
        (await client.CreateLeadAsync(extra: new { occurredAt = Utc(created) })).Id;

    private static async Task<Guid> NoteAsync(HttpClient client, Guid leadId, string at) =>
        (await client.LogAsync(ActivitiesApi.Notes, new { body = "Reached out", leadId, occurredAt = Utc(at) })).Id;

    private static async Task ConvertAsync(HttpClient client, Guid leadId, string at)
    {
        var lead = await (await client.GetAsync($"/api/v1/leads/{leadId}")).ReadAsync<LeadDto>();
        var response = await client.PostGuardedAsync($"/api/v1/leads/{leadId}/convert", new
        {
            opportunity = new { name = "From lead", amount = 100m },
            occurredAt = Utc(at),
        }, lead.Version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
