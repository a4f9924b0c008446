using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Api.Tests.Metrics;

/// <summary>Helpers for the metric tests: reading reports and explain pages, and setting the organisation's time zone.</summary>
public static class MetricsApi
{
    public static async Task<MetricReport<T>> ReportAsync<T>(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<MetricReport<T>>();
    }

    /// <summary>Every record of an explain drill-down, following the cursor across pages of <paramref name="pageSize"/>.</summary>
    public static async Task<List<MetricRecord>> ExplainAllAsync(this HttpClient client, string path, int pageSize = 2) =>
        await client.AllAsync<MetricRecord>($"{path}&limit={pageSize}");

    public static async Task SetTimeZoneAsync(this ApiFactory factory, string timeZone)
    {
        using var admin = await factory.AdminClientAsync();
        var current = await admin.GetAsync("/api/v1/organisation");
        var version = int.Parse(current.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
        var response = await admin.WithIfMatchAsync(HttpMethod.Put, "/api/v1/organisation",
            new { name = "Metrics test org", timeZone, currency = "USD" }, version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>An instant written as UTC text (tests read better with the wall-clock time spelled out).</summary>
    public static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
