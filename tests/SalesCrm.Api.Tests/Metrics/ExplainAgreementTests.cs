using System.Net;
using System.Text.Json;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Api.Tests.Pipelines;
using SalesCrm.Api.Tests.Setup;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.People;

namespace SalesCrm.Api.Tests.Metrics;

/// <summary>
/// The numbers come from rollups kept by triggers; the drill-downs read the records. On the generated demo history (a
/// year of two teams' work) every count a metric endpoint reports must equal the number of records its explain lists:
/// for the organisation, a team and a rep; over the last quarter, two weeks across the latest daylight-saving change in
/// Warsaw, and the last year; and again after edits through the API (activities, a follow-up and a deal deleted, deals
/// reassigned, a lost deal reopened, a rep moved to the other team). The hand-worked values are in each metric's own tests.
/// </summary>
public sealed class ExplainAgreementTests(DemoModeTests.DemoFactory factory) : IClassFixture<DemoModeTests.DemoFactory>
{
    private const string Metrics = "/api/v1/metrics";

    /// <summary>Each figure: the report it is counted in, the explain that lists its records, and where the count is.</summary>
    private static readonly (string Report, string Explain, string Figure, Func<JsonElement, long> Count)[] Figures =
    [
        .. new[]
        {
            "calls", "outbound_calls", "inbound_calls", "connected_calls", "emails_sent", "email_replies", "meetings_booked",
            "meetings_held", "opportunities_created", "notes", "follow_ups_completed", "follow_ups_due", "follow_ups_overdue",
        }.Select(f => ("activity", "activity/explain", f, Total(Camel(f)))),
        ("follow-ups", "follow-ups/explain", "stage_advances", Total("stageAdvances.advances")),
        ("follow-ups", "follow-ups/explain", "won_deals", Total("beforeWin.dealsWon")),
        ("follow-ups", "follow-ups/explain", "lost_deals", Total("earlyGiveUp.dealsLost")),
        ("follow-ups", "follow-ups/explain", "early_give_ups", Total("earlyGiveUp.lostWithAtMostOne")),
        ("follow-ups", "follow-ups/explain", "completed_follow_ups", Total("timeliness.completed")),
        ("follow-ups", "follow-ups/explain", "late_follow_ups", Total("timeliness.late")),
        ("results", "results/explain", "won_deals", Total("dealsWon")),
        ("results", "results/explain", "lost_deals", Total("dealsLost")),
        ("results", "results/explain", "closed_deals", r => Total("dealsWon")(r) + Total("dealsLost")(r)),
        ("results", "results/explain", "open_opportunities", Total("openOpportunities")),
        ("leads", "leads/explain", "leads_created", Total("leadsCreated")),
        ("leads", "leads/explain", "leads_converted", Total("leadsConverted")),
        ("leads", "leads/explain", "leads_responded", Total("responded")),
        ("funnel", "funnel/explain", "outbound_calls", Total("outboundCalls")),
        ("funnel", "funnel/explain", "meetings_booked", Total("meetingsBooked")),
        ("funnel", "funnel/explain", "deals_won", Total("dealsWon")),
        ("selling-time", "selling-time/explain", "selling_activities", Total("activitiesWithDuration")),
        ("selling-time", "selling-time/explain", "activities_without_duration", Total("activitiesWithoutDuration")),
        ("lead-scoring/response-time", "lead-scoring/explain", "sales_qualified", Total("salesQualified")),
        ("lead-scoring/response-time", "lead-scoring/explain", "responded", Total("responded")),
        ("lead-scoring/score-bands", "lead-scoring/explain", "leads_created", Sum("bands", "leadsCreated")),
        ("lead-scoring/score-bands", "lead-scoring/explain", "leads_converted", Sum("bands", "leadsConverted")),
    ];

    [Fact]
    public async Task Every_count_is_the_number_of_records_its_explain_lists_before_and_after_edits_through_the_api()
    {
        using var admin = await AdminAsync();
        var (inbound, outbound) = await TeamsAsync(admin);
        var rita = await UserAsync(admin, "rep@demo.example.com");
        var ravi = await UserAsync(admin, "rep2@demo.example.com");
        var outboundRep = await UserAsync(admin, "outbound.rep@demo.example.com");

        var generated = await AgreementAsync(admin, ["", $"&teamId={inbound}", $"&userId={rita.Id}"]);

        var quarter = $"from={LastQuarter().From:yyyy-MM-dd}&to={LastQuarter().To:yyyy-MM-dd}&teamId={inbound}";
        foreach (var activity in await ExplainAsync(admin, $"activity/explain?figure=calls&{quarter}", 3))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/activities/{activity.Id}")).StatusCode);
        }

        var completed = Assert.Single(await ExplainAsync(admin, $"follow-ups/explain?figure=completed_follow_ups&{quarter}", 1));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/follow-ups/{completed.Id}")).StatusCode);

        var won = await ExplainAsync(admin, $"results/explain?figure=won_deals&{quarter}", 2);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/opportunities/{won[0].Id}")).StatusCode);
        await ReassignAsync(admin, won[1].Id, outboundRep.Id);

        var open = await ExplainAsync(admin, $"pipeline/explain?figure=open_opportunities&teamId={inbound}", 1);
        await ReassignAsync(admin, Assert.Single(open).Id, outboundRep.Id);

        var lost = Assert.Single(await ExplainAsync(admin, $"results/explain?figure=lost_deals&{quarter}", 1));
        var reopened = await admin.OpportunityAsync(lost.Id);
        await admin.MovedAsync(lost.Id, reopened.Version, new { toStageId = await FirstOpenStageAsync(admin) });

        var moved = await admin.SendAsync(HttpMethod.Put, $"/api/v1/users/{ravi.Id}",
            new { displayName = ravi.DisplayName, role = "rep", teamId = outbound, startedOn = ravi.StartedOn }, ravi.Version);
        Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());

        var edited = await AgreementAsync(admin, ["", $"&teamId={inbound}", $"&teamId={outbound}", $"&userId={ravi.Id}"]);

        Assert.True(generated > 300, $"only {generated} non-zero counts compared on the generated history");
        Assert.True(edited > 400, $"only {edited} non-zero counts compared after the edits");
    }

    /// <summary>Compares every figure for each subject (a query suffix) and window, and the pipeline's; returns how many were not zero.</summary>
    private static async Task<int> AgreementAsync(HttpClient admin, string[] subjects)
    {
        var checks = 0;
        foreach (var subject in subjects)
        {
            foreach (var (from, to) in Windows())
            {
                var window = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}{subject}";
                var reports = new Dictionary<string, JsonElement>();
                foreach (var (report, explain, figure, count) in Figures)
                {
                    if (!reports.TryGetValue(report, out var totals))
                    {
                        totals = reports[report] = (await ReadAsync(admin, $"{report}?{window}")).GetProperty("totals");
                    }

                    var records = await ExplainAsync(admin, $"{explain}?figure={figure}&{window}");
                    Assert.True(count(totals) == records.Count, $"{report} {figure} {window}: {count(totals)} counted, {records.Count} listed");
                    checks += records.Count > 0 ? 1 : 0;
                }

                checks += await StagesAgreeAsync(admin, window, "days-in-stage", "exits", "stage_exits");
                checks += await StagesAgreeAsync(admin, window, "conversion", "entered", "stage_entries");
            }

            foreach (var asOf in SnapshotInstants())
            {
                var at = $"asOf={Uri.EscapeDataString(asOf.ToString("O"))}{subject}";
                var counted = (await ReadAsync(admin, $"pipeline?{at}")).GetProperty("totals").GetProperty("count").GetInt64();
                var listed = await ExplainAsync(admin, $"pipeline/explain?figure=open_opportunities&{at}");
                Assert.True(counted == listed.Count, $"snapshot {at}: {counted} counted, {listed.Count} listed");
                checks += listed.Count > 0 ? 1 : 0;
            }
        }

        return checks;
    }

    /// <summary>Each stage's <paramref name="field"/> of a pipeline report against the explain of <paramref name="figure"/> for that stage.</summary>
    private static async Task<int> StagesAgreeAsync(HttpClient admin, string window, string report, string field, string figure)
    {
        var stages = (await ReadAsync(admin, $"pipeline/{report}?{window}")).GetProperty("totals").GetProperty("stages").EnumerateArray().ToList();
        foreach (var stage in stages)
        {
            var stageId = stage.GetProperty("stageId").GetGuid();
            var records = await ExplainAsync(admin, $"pipeline/explain?figure={figure}&stageId={stageId}&{window}");
            Assert.True(stage.GetProperty(field).GetInt64() == records.Count,
                $"{report} {field} of {stage.GetProperty("name").GetString()} {window}: {stage.GetProperty(field).GetInt64()} counted, {records.Count} listed");
        }

        return stages.Count(s => s.GetProperty(field).GetInt64() > 0);
    }

    /// <summary>The last full quarter; two weeks around the latest daylight-saving change in Warsaw that lies before today; the last year.</summary>
    private static IEnumerable<(DateOnly From, DateOnly To)> Windows()
    {
        var today = Today();
        yield return LastQuarter();
        yield return new[] { today.Year - 1, today.Year }
            .SelectMany(y => new[] { (new DateOnly(y, 3, 20), new DateOnly(y, 4, 5)), (new DateOnly(y, 10, 20), new DateOnly(y, 11, 5)) })
            .Last(w => w.Item2 <= today);
        yield return (today.AddYears(-1), today);
    }

    /// <summary>Now, the start of this quarter, an hour after the latest autumn change in Warsaw, and 200 days ago mid-morning.</summary>
    private static IEnumerable<DateTimeOffset> SnapshotInstants()
    {
        var now = DateTimeOffset.UtcNow;
        yield return now;
        yield return new DateTimeOffset(LastQuarter().To.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var autumn = now.Month > 10 ? now.Year : now.Year - 1;
        var lastSunday = new DateOnly(autumn, 10, 31);
        lastSunday = lastSunday.AddDays(-(int)lastSunday.DayOfWeek);
        yield return new DateTimeOffset(lastSunday.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);   // 01:00 UTC is the change
        yield return new DateTimeOffset(Today().AddDays(-200).ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero);
    }

    private static (DateOnly From, DateOnly To) LastQuarter()
    {
        var today = Today();
        var thisQuarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        return (thisQuarter.AddMonths(-3), thisQuarter);
    }

    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Func<JsonElement, long> Total(string path) => totals =>
        path.Split('.').Aggregate(totals, (element, name) => element.GetProperty(name)).GetInt64();

    private static Func<JsonElement, long> Sum(string array, string field) => totals =>
        totals.GetProperty(array).EnumerateArray().Sum(e => e.GetProperty(field).GetInt64());

    private static string Camel(string snake) =>
        string.Concat(snake.Split('_').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    private static async Task<JsonElement> ReadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync($"{Metrics}/{path}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>Every record of an explain (pages of 200), or its first <paramref name="take"/> (one page).</summary>
    private static async Task<List<MetricRecord>> ExplainAsync(HttpClient client, string path, int? take = null)
    {
        if (take is { } n)
        {
            var response = await client.GetAsync($"{Metrics}/{path}&limit={n}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {await response.Content.ReadAsStringAsync()}");
            var page = await response.ReadAsync<Page<MetricRecord>>();
            Assert.Equal(n, page.Items.Count);
            return [.. page.Items];
        }

        return await client.ExplainAllAsync($"{Metrics}/{path}", Paging.MaxLimit);
    }

    private async Task<HttpClient> AdminAsync() =>
        factory.ClientWithToken((await factory.SignInAsync("admin@demo.example.com", "demo-password-1")).AccessToken);

    private static async Task<(Guid Inbound, Guid Outbound)> TeamsAsync(HttpClient admin)
    {
        var teams = (await (await admin.GetAsync("/api/v1/teams")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("id").GetGuid());
        return (teams["Inbound"], teams["Outbound"]);
    }

    private static async Task<UserDto> UserAsync(HttpClient admin, string email) =>
        (await admin.AllAsync<UserDto>("/api/v1/users?limit=50")).Single(u => u.Email == email);

    private static async Task ReassignAsync(HttpClient admin, Guid opportunityId, Guid ownerId)
    {
        var deal = await admin.OpportunityAsync(opportunityId);
        var response = await admin.SendAsync(HttpMethod.Post, $"/api/v1/opportunities/{opportunityId}/owner", new { ownerId }, deal.Version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<Guid> FirstOpenStageAsync(HttpClient admin)
    {
        var pipeline = (await (await admin.GetAsync("/api/v1/pipelines")).ReadJsonAsync()).GetProperty("items")[0];
        return pipeline.GetProperty("stages").EnumerateArray()
            .Where(s => s.GetProperty("kind").GetString() == "open")
            .MinBy(s => s.GetProperty("position").GetInt32())
            .GetProperty("id").GetGuid();
    }
}
