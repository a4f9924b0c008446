using System.Net;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Leads;
using SalesCrm.Api.Tests.Metrics;
using SalesCrm.Api.Tests.SalesDirectory;
using SalesCrm.Application.LeadScoring;
using SalesCrm.Application.Leads;
using SalesCrm.Domain.LeadScoring;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;

namespace SalesCrm.Api.Tests.LeadScoring;

/// <summary>
/// Response time to sales-qualified leads and conversion by score band, for a fresh rep per test, in past windows
/// (history import: occurredAt). Seeded settings: threshold 20, no assignment. Organisation time zone: UTC.
/// </summary>
public sealed class LeadScoringMetricsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Path = "/api/v1/metrics/lead-scoring";

    [Fact]
    public async Task Response_time_runs_from_qualifying_to_the_first_activity_since()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        // Window [2025-03-01, 2025-04-01). Two pricing page visits (10 + 10 = 20) qualify a lead at the second one.
        var edge = await QualifiedAsync(client, "2025-03-01T00:00:00Z");                 // first instant of the window
        await NoteAsync(client, edge, "2025-03-01T01:00:00Z");                            // 1 h
        var a = await QualifiedAsync(client, "2025-03-03T12:00:00Z");
        await NoteAsync(client, a, "2025-03-03T09:00:00Z");                               // before qualifying: not a response
        await NoteAsync(client, a, "2025-03-03T15:00:00Z");                               // 3 h
        var b = await QualifiedAsync(client, "2025-03-10T00:00:00Z");
        await NoteAsync(client, b, "2025-03-11T00:00:00Z");                               // 24 h
        var c = await QualifiedAsync(client, "2025-03-20T00:00:00Z");                     // unanswered
        await QualifiedAsync(client, "2025-04-01T00:00:00Z");                             // `to` is exclusive
        var deleted = await QualifiedAsync(client, "2025-03-21T00:00:00Z");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/leads/{deleted}")).StatusCode);
        var window = $"from=2025-03-01&to=2025-04-01&userId={rep.Id}";

        var m = (await client.ReportAsync<QualifiedLeadResponse>($"{Path}/response-time?{window}")).Totals;

        Assert.Equal(4, m.SalesQualified);             // edge, a, b, c
        Assert.Equal(3, m.Responded);                  // edge, a, b
        Assert.Equal(1, m.Unanswered);                 // c
        Assert.Equal(9.3333, m.AverageResponseHours);  // (1 + 3 + 24) / 3 = 9.3333…
        Assert.Equal(3, m.MedianResponseHours);        // 1, 3, 24
        var qualified = await client.ExplainAllAsync($"{Path}/explain?figure=sales_qualified&{window}");
        Assert.Equal([edge, a, b, c], qualified.Select(r => r.Id));
        Assert.Equal([1.0, 3.0, 24.0, null], qualified.Select(r => r.Value));
        Assert.Equal([edge, a, b], (await client.ExplainAllAsync($"{Path}/explain?figure=responded&{window}")).Select(r => r.Id));
    }

    [Fact]
    public async Task An_empty_window_has_zero_counts_and_null_ratios_and_a_weekly_series_keeps_empty_weeks()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        // Weeks from Mon 2025-09-01: [09-01, 09-08) one lead answered after 2 h, [09-08, 09-15) none.
        var lead = await QualifiedAsync(client, "2025-09-02T00:00:00Z");
        await NoteAsync(client, lead, "2025-09-02T02:00:00Z");

        var empty = (await client.ReportAsync<QualifiedLeadResponse>($"{Path}/response-time?from=2024-01-01&to=2024-02-01&userId={rep.Id}")).Totals;
        var series = (await client.ReportAsync<QualifiedLeadResponse>($"{Path}/response-time?from=2025-09-01&to=2025-09-15&bucket=week&userId={rep.Id}")).Series!;
        var bands = (await client.ReportAsync<ScoreBandConversions>($"{Path}/score-bands?from=2024-01-01&to=2024-02-01&userId={rep.Id}")).Totals;

        Assert.Equal((0L, 0L, 0L), (empty.SalesQualified, empty.Responded, empty.Unanswered));
        Assert.Null(empty.AverageResponseHours);
        Assert.Null(empty.MedianResponseHours);
        Assert.Equal([(1L, 2.0), (0L, null)], series.Select(p => (p.Values.SalesQualified, p.Values.MedianResponseHours)));
        Assert.All(bands.Bands, b => Assert.Equal((0L, (double?)null), (b.LeadsCreated, b.ConversionRate)));
    }

    [Fact]
    public async Task Leads_created_in_the_window_convert_by_the_band_of_their_current_score()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        // Window [2025-06-01, 2025-07-01); threshold 20, so bands <0, 0–9, 10–19, 20+.
        var negative = await LeadAsync(client, "2025-06-01T00:00:00Z", "inaccurate_company_data");                      // −5
        var zero = await LeadAsync(client, "2025-06-02T00:00:00Z");                                                      // 0
        var nine = await LeadAsync(client, "2025-06-03T00:00:00Z", "pricing_page_visit", "inaccurate_company_data",
            "email_clicked", "email_opened");                                                                             // 10 − 5 + 3 + 1 = 9
        var ten = await LeadAsync(client, "2025-06-04T00:00:00Z", "pricing_page_visit");                                 // 10
        var twenty = await LeadAsync(client, "2025-06-05T00:00:00Z", "pricing_page_visit", "pricing_page_visit");        // 20
        var high = await LeadAsync(client, "2025-06-06T00:00:00Z", "pricing_page_visit", "pricing_page_visit", "matches_buyer_persona"); // 25
        await ConvertAsync(client, zero);
        await ConvertAsync(client, twenty);
        await LeadAsync(client, "2025-07-01T00:00:00Z", "pricing_page_visit");                                           // `to` is exclusive
        var window = $"from=2025-06-01&to=2025-07-01&userId={rep.Id}";

        var report = (await client.ReportAsync<ScoreBandConversions>($"{Path}/score-bands?{window}")).Totals;

        Assert.Equal(20, report.Threshold);
        Assert.Equal(
            [
                (ScoreBand.BelowZero, (int?)null, (int?)-1, 1L, 0L, (double?)0.0),   // negative: 0 / 1
                (ScoreBand.Cold, 0, 9, 2L, 1L, 0.5),                               // zero (converted), nine: 1 / 2
                (ScoreBand.Warm, 10, 19, 1L, 0L, 0.0),                             // ten: 0 / 1
                (ScoreBand.AtThreshold, 20, null, 2L, 1L, 0.5),                    // twenty (converted), high: 1 / 2
            ],
            report.Bands.Select(b => (b.Band, b.MinScore, b.MaxScore, b.LeadsCreated, b.LeadsConverted, b.ConversionRate)));
        var created = await client.ExplainAllAsync($"{Path}/explain?figure=leads_created&{window}");
        Assert.Equal([negative, zero, nine, ten, twenty, high], created.Select(r => r.Id));
        Assert.Equal([-5.0, 0.0, 9.0, 10.0, 20.0, 25.0], created.Select(r => r.Value));
        Assert.Equal([zero, twenty], (await client.ExplainAllAsync($"{Path}/explain?figure=leads_converted&{window}")).Select(r => r.Id));
    }

    [Fact]
    public async Task Another_teams_rep_is_404()
    {
        var (_, rep) = await factory.PersonAsync("rep", (await factory.TeamAsync()).Id);
        var (stranger, _) = await factory.PersonAsync("rep", (await factory.TeamAsync()).Id);
        var query = $"from=2025-01-01&to=2025-02-01&userId={stranger.Id}";

        await (await rep.GetAsync($"{Path}/response-time?{query}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rep.GetAsync($"{Path}/score-bands?{query}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rep.GetAsync($"{Path}/explain?figure=leads_created&{query}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A lead created a day before <paramref name="qualifiedAt"/>, qualified then by two pricing page visits (10 + 10 = 20).</summary>
    private static async Task<Guid> QualifiedAsync(HttpClient client, string qualifiedAt)
    {
        var at = Utc(qualifiedAt);
        var lead = await client.CreateLeadAsync(extra: new { occurredAt = at.AddDays(-1) });
        await client.ScoreAsync(lead.Id, "pricing_page_visit", new { occurredAt = at.AddHours(-1) });
        Assert.True((await client.ScoreAsync(lead.Id, "pricing_page_visit", new { occurredAt = at })).Qualified);
        return lead.Id;
    }

    private static async Task<Guid> LeadAsync(HttpClient client, string created, params string[] events)
    {
        var lead = await client.CreateLeadAsync(extra: new { occurredAt = Utc(created) });
        foreach (var type in events)
        {
            await client.ScoreAsync(lead.Id, type, new { occurredAt = Utc(created).AddHours(1) });
        }

        return lead.Id;
    }

    private static async Task NoteAsync(HttpClient client, Guid leadId, string at) =>
        await client.LogAsync(ActivitiesApi.Notes, new { body = "Reached out", leadId, occurredAt = Utc(at) });

    private static async Task ConvertAsync(HttpClient client, Guid leadId)
    {
        var lead = await (await client.GetAsync($"/api/v1/leads/{leadId}")).ReadAsync<LeadDto>();
        var response = await client.PostGuardedAsync($"/api/v1/leads/{leadId}/convert",
            new { opportunity = new { name = "From lead", amount = 100m }, occurredAt = lead.CreatedAt.AddDays(3) }, lead.Version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
