using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Commission;
using static SalesCrm.Api.Tests.Security.Matrix;

namespace SalesCrm.Api.Tests.Security;

/// <summary>Pay is private: statements and plan history for the rep, their manager and admins only; metrics:read grants none of it.</summary>
public static class CommissionAccessCases
{
    private static int _month;

    public static IEnumerable<AccessCase> All =>
    [
        new("getCommissionStatement", RepA, id => Get($"/api/v1/commission/statements/{id}?period=month&start=2025-01-01"), RepsPay()),
        new("listCommissionAssignments", RepA, id => Get($"/api/v1/commission/assignments?userId={id}"), RepsPay()),
        new("assignCommissionPlan", PlanAsync, planAndRep => Assign(planAndRep),
            Expect((Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.UnknownReference), (Callers.Admin, Access.Allowed))),
        new("listCommissionEarnings", w => Task.FromResult(w.TeamA.Id.ToString()),
            id => Get($"/api/v1/commission/earnings?team={id}&period=month&start=2025-01-01"),
            Expect((Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.Hidden), (Callers.Admin, Access.Allowed))),
    ];

    /// <summary>The rep themself, their manager and admins; teammates and the other team 404; integrations 403 whatever their scope.</summary>
    private static Dictionary<string, Access> RepsPay() => Expect(
        (Callers.Owner, Access.Allowed), (Callers.TeammateRep, Access.Hidden), (Callers.OtherTeamRep, Access.Hidden),
        (Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.Hidden), (Callers.Admin, Access.Allowed));

    private static Task<string> RepA(AccessWorld world) => Task.FromResult(world.RepA.Id.ToString());

    /// <summary>A fresh plan, with rep A's id and a future month no earlier case assigned from (managers may not back-date).</summary>
    private static async Task<string> PlanAsync(AccessWorld world)
    {
        var response = await world.Admin.PostAsJsonAsync("/api/v1/commission/plans",
            new { name = $"Matrix {Guid.NewGuid():N}", basePay = 0, target = 1_000, rate = 0.1, threshold = 1.0, period = "month" });
        var plan = await response.ReadAsync<CommissionPlanDto>();
        var month = new DateOnly(2090, 1, 1).AddMonths(Interlocked.Increment(ref _month));
        return $"{plan.Id}|{world.RepA.Id}|{month.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static HttpRequestMessage Assign(string target)
    {
        var parts = target.Split('|');
        return Send(HttpMethod.Post, "/api/v1/commission/assignments", new { planId = parts[0], userId = parts[1], effectiveFrom = parts[2] });
    }
}
