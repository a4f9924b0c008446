using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Leads;
using SalesCrm.Application.LeadScoring;
using SalesCrm.Application.Metrics.Results;
using static SalesCrm.Api.Tests.Metrics.MetricsApi;

namespace SalesCrm.Api.Tests.Metrics;

/// <summary>Changing the organisation's zone re-cuts every day: the lead rollups (by day of creation) are rebuilt with the calendar.</summary>
public sealed class LeadMetricsZoneChangeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task After_a_time_zone_change_the_same_leads_fall_on_their_new_local_days()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var lead = (await client.CreateLeadAsync(extra: new { occurredAt = Utc("2025-04-01T23:30:00Z") })).Id; // UTC: the 1st; Warsaw (CEST): the 2nd
        await client.LogAsync(ActivitiesApi.Notes, new { body = "Reached out", leadId = lead, occurredAt = Utc("2025-04-02T01:00:00Z") }); // 1.5 h
        var window = $"from=2025-04-02&to=2025-04-03&userId={rep.Id}";
        Assert.Equal((0L, 0L, (double?)null, 0L), await ReadAsync(client, window));

        await factory.SetTimeZoneAsync("Europe/Warsaw");

        Assert.Equal((1L, 1L, (double?)1.5, 1L), await ReadAsync(client, window)); // created on the 2nd in Warsaw

        await factory.SetTimeZoneAsync("UTC");

        Assert.Equal((0L, 0L, (double?)null, 0L), await ReadAsync(client, window));
    }

    private static async Task<(long Created, long Responded, double? MedianHours, long Banded)> ReadAsync(HttpClient client, string window)
    {
        var leads = (await client.ReportAsync<LeadMetrics>($"/api/v1/metrics/leads?{window}")).Totals;
        var bands = (await client.ReportAsync<ScoreBandConversions>($"/api/v1/metrics/lead-scoring/score-bands?{window}")).Totals;
        return (leads.LeadsCreated, leads.Responded, leads.MedianResponseHours, bands.Bands.Sum(b => b.LeadsCreated));
    }
}
