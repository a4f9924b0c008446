using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Leads;
using SalesCrm.Application.LeadScoring;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;

namespace SalesCrm.Api.Tests.LeadScoring;

/// <summary>
/// Changing the organisation's zone re-cuts every day: the qualified-lead rollup (by local day of qualification) is rebuilt
/// with the calendar.
/// </summary>
public sealed class QualifiedResponseZoneChangeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task After_a_time_zone_change_the_same_qualified_leads_fall_on_their_new_local_days()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        // Two pricing page visits (10 + 10 = 20) qualify the lead at 2025-04-01T23:30Z: UTC the 1st, Warsaw (CEST) the 2nd.
        var lead = await client.CreateLeadAsync(extra: new { occurredAt = Utc("2025-03-31T12:00:00Z") });
        await client.ScoreAsync(lead.Id, "pricing_page_visit", new { occurredAt = Utc("2025-04-01T22:30:00Z") });
        Assert.True((await client.ScoreAsync(lead.Id, "pricing_page_visit", new { occurredAt = Utc("2025-04-01T23:30:00Z") })).Qualified);
        await client.LogAsync(ActivitiesApi.Notes, new { body = "Reached out", leadId = lead.Id, occurredAt = Utc("2025-04-02T01:00:00Z") }); // 1.5 h
        var window = $"from=2025-04-02&to=2025-04-03&userId={rep.Id}";
        Assert.Equal((0L, 0L, (double?)null), await ReadAsync(client, window));

        await factory.SetTimeZoneAsync("Europe/Warsaw");

        Assert.Equal((1L, 1L, (double?)1.5), await ReadAsync(client, window)); // qualified on the 2nd in Warsaw

        await factory.SetTimeZoneAsync("UTC");

        Assert.Equal((0L, 0L, (double?)null), await ReadAsync(client, window));
    }

    private static async Task<(long Qualified, long Responded, double? MedianHours)> ReadAsync(HttpClient client, string window)
    {
        var m = (await client.ReportAsync<QualifiedLeadResponse>($"/api/v1/metrics/lead-scoring/response-time?{window}")).Totals;
        return (m.SalesQualified, m.Responded, m.MedianResponseHours);
    }
}
