using static SalesCrm.Api.Tests.Security.Matrix;

namespace SalesCrm.Api.Tests.Security;

/// <summary>Matrix rows of readiness (assessments of the world's rep A, readiness and expiries about them) and the people metrics.</summary>
public static class ReadinessAccessCases
{
    public static IEnumerable<AccessCase> All =>
    [
        new("recordAssessment", RepA, id => Send(HttpMethod.Post, $"/api/v1/users/{id}/assessments",
                new { name = "Matrix role play", score = 70, passed = true, assessedOn = "2025-01-01" }),
            Expect((Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.Hidden), (Callers.Admin, Access.Allowed))),
        new("listAssessments", RepA, id => Get($"/api/v1/users/{id}/assessments"), OwnedRecord("metrics:read")),
        new("getReadiness", RepA, id => Get($"/api/v1/readiness?userId={id}"), OwnedRecord("metrics:read")),
        new("listExpiringCertifications", RepA, id => Get($"/api/v1/readiness/expiring?userId={id}&within=90"), OwnedRecord("metrics:read")),
        new("getRampTime", RepA, id => Get($"/api/v1/metrics/people/ramp?userId={id}"), OwnedRecord("metrics:read")),
        new("getRepQuadrant", w => Task.FromResult(w.TeamA.Id.ToString()), id => Get($"/api/v1/metrics/people/quadrant?quarter=2025-04-01&teamId={id}"),
            Expect((Callers.Owner, Access.Allowed), (Callers.TeammateRep, Access.Allowed), (Callers.OtherTeamRep, Access.Hidden),
                (Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.Hidden), (Callers.Admin, Access.Allowed),
                (Callers.Client("metrics:read"), Access.Allowed))),
    ];

    private static Task<string> RepA(AccessWorld world) => Task.FromResult(world.RepA.Id.ToString());
}
