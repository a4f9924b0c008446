using System.Net;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Api.Tests.Pipelines;
using SalesCrm.Application.Planner;

namespace SalesCrm.Api.Tests.Planner;

/// <summary>Helpers for the planner tests: reading a plan, and a rep's history in the month before the current one.</summary>
public static class PlannerApi
{
    public const string Path = "/api/v1/planner";

    public static async Task<PlannerReport> PlanAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync($"{Path}?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<PlannerReport>();
    }

    /// <summary>The 10th of the month before the current one (UTC), noon: inside the planner's six-month history window.</summary>
    public static DateTimeOffset LastMonth(int hour = 12)
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, 10, hour, 0, 0, TimeSpan.Zero).AddMonths(-1);
    }

    /// <summary>Last month: 40 outbound calls, 8 held meetings, 4 opportunities created of which 2 won at 5,000 each.</summary>
    public static async Task HistoryAsync(this ApiFactory factory, HttpClient rep)
    {
        var account = await factory.AccountAsync();
        var at = LastMonth(8);
        var calls = Enumerable.Range(0, 40).Select(i => (object)new
        {
            type = "call", direction = "outbound", outcome = "no_answer", durationSeconds = 30, accountId = account, occurredAt = at.AddMinutes(i),
        }).ToList();
        Assert.Equal(HttpStatusCode.OK, (await rep.PostJsonAsync(ActivitiesApi.Batch, new { items = calls })).StatusCode);
        for (var i = 0; i < 8; i++)
        {
            await rep.LogAsync(ActivitiesApi.Meetings, new { durationSeconds = 1800, outcome = "held", accountId = account, occurredAt = at.AddHours(1).AddMinutes(i) });
        }

        for (var i = 0; i < 4; i++)
        {
            var deal = await rep.CreateOpportunityAsync(account, new { amount = 5000m, occurredAt = at.AddHours(2).AddMinutes(i) });
            if (i < 2)
            {
                await rep.MovedAsync(deal.Id, deal.Version, new { toStageId = PipelinesApi.Won, occurredAt = at.AddHours(3).AddMinutes(i) });
            }
        }
    }
}
