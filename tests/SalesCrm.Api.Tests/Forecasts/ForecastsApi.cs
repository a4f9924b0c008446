using System.Globalization;
using System.Net;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Api.Tests.Pipelines;
using SalesCrm.Application.Forecasts;
using SalesCrm.Application.Opportunities;

namespace SalesCrm.Api.Tests.Forecasts;

/// <summary>Helpers for the forecast tests: periods relative to today (organisation zone UTC), reading forecasts, making deals.</summary>
public static class ForecastsApi
{
    public const string ForecastPath = "/api/v1/forecasts";

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static DateOnly ThisMonth => new(Today.Year, Today.Month, 1);

    public static DateOnly ThisQuarter => new(Today.Year, ((Today.Month - 1) / 3 * 3) + 1, 1);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<ForecastReport> ForecastAsync(this HttpClient client, string query)
    {
        var response = await client.GetAsync($"{ForecastPath}?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<ForecastReport>();
    }

    /// <summary>An open deal in <paramref name="stageId"/>, created at <paramref name="createdAt"/> (default now), expected to close on <paramref name="closeOn"/>.</summary>
    public static Task<OpportunityDto> OpenDealAsync(
        this HttpClient client, Guid account, decimal amount, DateOnly? closeOn, Guid? stageId = null, DateTimeOffset? createdAt = null) =>
        client.CreateOpportunityAsync(account, new
        {
            amount, stageId = stageId ?? PipelinesApi.Trial, expectedCloseDate = closeOn is { } d ? Iso(d) : null, occurredAt = createdAt,
        });

    public static async Task<Guid> WonDealAsync(this HttpClient client, Guid account, decimal amount, DateTimeOffset created, DateTimeOffset won)
    {
        var deal = await client.CreateOpportunityAsync(account, new { amount, occurredAt = created });
        await client.MovedAsync(deal.Id, deal.Version, new { toStageId = PipelinesApi.Won, occurredAt = won });
        return deal.Id;
    }
}
