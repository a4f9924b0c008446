using System.Net;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Application.Metrics.Pipeline;
using SalesCrm.Application.Opportunities;

namespace SalesCrm.Api.Tests.Metrics;

/// <summary>Helpers for the pipeline metric tests.</summary>
internal static class PipelineMetricsApi
{
    public static async Task<PipelineSnapshot> SnapshotAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<PipelineSnapshot>();
    }

    public static Task<OpportunityDto> DealAsync(this HttpClient client, Guid account, Guid stageId, DateTimeOffset at, decimal amount, string name = "Deal") =>
        client.CreateOpportunityAsync(account, new { name, stageId, amount, occurredAt = at });
}
