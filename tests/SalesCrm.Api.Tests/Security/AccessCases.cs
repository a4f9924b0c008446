using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Quotas;
using static SalesCrm.Api.Tests.Security.Matrix;

namespace SalesCrm.Api.Tests.Security;

/// <summary>The matrix rows, one per operation on an owned or scoped record.</summary>
public static class AccessCases
{
    private static int _period;

    public static IEnumerable<AccessCase> All =>
    [
        new("getUser", w => Task.FromResult(w.RepA.Id.ToString()), id => Get($"/api/v1/users/{id}"),
            Expect((Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.Hidden), (Callers.Admin, Access.Allowed),
                (Callers.Client("directory:read"), Access.Allowed))),
        new("createQuota", w => Task.FromResult(w.RepA.Id.ToString()),
            id => Send(HttpMethod.Post, "/api/v1/quotas", new { userId = id, period = "month", periodStart = NextPeriod(), kind = "deals", target = 5 }),
            Expect((Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.UnknownReference), (Callers.Admin, Access.Allowed))),
        new("getQuota", QuotaAsync, id => Get($"/api/v1/quotas/{id}"), OwnedRecord("metrics:read")),
        new("getQuotaHistory", QuotaAsync, id => Get($"/api/v1/quotas/{id}/history"), OwnedRecord("metrics:read")),
        new("updateQuota", QuotaAsync, id => Send(HttpMethod.Put, $"/api/v1/quotas/{id}", new { kind = "deals", target = 7 }, "\"1\""),
            Expect((Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.Hidden), (Callers.Admin, Access.Allowed))),
        new("deleteQuota", QuotaAsync, id => Delete($"/api/v1/quotas/{id}"),
            Expect((Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.Hidden), (Callers.Admin, Access.Allowed))),
        .. TimeEntryAccessCases.All,
        .. ForecastAccessCases.All,
        .. SurveyAccessCases.All,
        .. CommissionAccessCases.All,
        .. ReadinessAccessCases.All,
        .. LeadScoringAccessCases.All,
    ];

    private static async Task<string> QuotaAsync(AccessWorld world)
    {
        var response = await world.Admin.PostAsJsonAsync("/api/v1/quotas",
            new { userId = world.RepA.Id, period = "month", periodStart = NextPeriod(), kind = "deals", target = 5 });
        return (await response.ReadAsync<QuotaDto>()).Id.ToString();
    }

    /// <summary>A month no earlier case used, so each fresh quota has its own period.</summary>
    private static string NextPeriod() =>
        new DateOnly(2000, 1, 1).AddMonths(Interlocked.Increment(ref _period)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
