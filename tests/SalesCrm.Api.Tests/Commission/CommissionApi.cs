using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Commission;

namespace SalesCrm.Api.Tests.Commission;

public static class CommissionApi
{
    public static async Task<CommissionPlanDto> PlanAsync(
        this HttpClient admin, decimal basePay, decimal target, decimal rate, decimal threshold = 1.0m, string period = "month")
    {
        var response = await admin.PostAsJsonAsync("/api/v1/commission/plans",
            new { name = $"Plan {Guid.NewGuid():N}", basePay, target, rate, threshold, period });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CommissionPlanDto>();
    }

    public static Task<HttpResponseMessage> AssignAsync(this HttpClient client, Guid userId, Guid planId, string effectiveFrom) =>
        client.PostAsJsonAsync("/api/v1/commission/assignments", new { userId, planId, effectiveFrom });

    public static async Task AssignedAsync(this HttpClient client, Guid userId, Guid planId, string effectiveFrom)
    {
        var response = await client.AssignAsync(userId, planId, effectiveFrom);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task<T> OkAsync<T>(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<T>();
    }

    public static Task<CommissionStatement> StatementAsync(this HttpClient client, Guid userId, string period, string start) =>
        client.OkAsync<CommissionStatement>($"/api/v1/commission/statements/{userId}?period={period}&start={start}");
}
