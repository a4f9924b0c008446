using SalesCrm.Api.Tests.Leads;
using static SalesCrm.Api.Tests.Security.Matrix;

namespace SalesCrm.Api.Tests.Security;

/// <summary>Lead scoring rows: events on rep A's lead, the rules people read, and rep A's lead scoring metrics.</summary>
public static class LeadScoringAccessCases
{
    private const string Window = "from=2025-01-01&to=2025-04-01";

    public static IEnumerable<AccessCase> All =>
    [
        new("recordLeadEvent", LeadAsync, id => Send(HttpMethod.Post, $"/api/v1/leads/{id}/events", new { type = "email_opened" }),
            OwnedRecord("opportunities:write")),
        new("listLeadEvents", LeadAsync, id => Get($"/api/v1/leads/{id}/events"), OwnedRecord("opportunities:write")),
        new("listScoringRules", _ => Task.FromResult(""), _ => Get("/api/v1/lead-scoring/rules"), EveryPerson()),
        new("getScoringSettings", _ => Task.FromResult(""), _ => Get("/api/v1/lead-scoring/settings"), EveryPerson()),
        new("getQualifiedLeadResponseTime", RepA, id => Get($"/api/v1/metrics/lead-scoring/response-time?{Window}&userId={id}"), OwnedRecord("metrics:read")),
        new("getScoreBandConversion", RepA, id => Get($"/api/v1/metrics/lead-scoring/score-bands?{Window}&userId={id}"), OwnedRecord("metrics:read")),
        new("explainLeadScoringMetrics", RepA,
            id => Get($"/api/v1/metrics/lead-scoring/explain?figure=sales_qualified&{Window}&userId={id}"), OwnedRecord("metrics:read")),
    ];

    private static Task<string> RepA(AccessWorld world) => Task.FromResult(world.RepA.Id.ToString());

    private static async Task<string> LeadAsync(AccessWorld world) => (await world.OwnerClient.CreateLeadAsync()).Id.ToString();

    private static Dictionary<string, Access> EveryPerson() =>
        Expect([.. Callers.People.Select(caller => (caller, Access.Allowed))]);
}
