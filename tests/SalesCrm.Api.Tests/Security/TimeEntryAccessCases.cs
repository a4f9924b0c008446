using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.TimeEntries;
using static SalesCrm.Api.Tests.Security.Matrix;

namespace SalesCrm.Api.Tests.Security;

/// <summary>The matrix rows of time entries (people only), the selling-time metric and the planner for rep A.</summary>
public static class TimeEntryAccessCases
{
    private static readonly object Entry = new { kind = "training", durationMinutes = 30, occurredAt = "2025-01-06T09:00:00Z" };

    public static IEnumerable<AccessCase> All =>
    [
        new("createTimeEntry", w => Task.FromResult(w.RepA.Id.ToString()),
            id => Send(HttpMethod.Post, "/api/v1/time-entries", new { kind = "admin", durationMinutes = 15, ownerId = id }),
            Expect((Callers.Owner, Access.Allowed), (Callers.TeammateRep, Access.UnknownReference), (Callers.OtherTeamRep, Access.UnknownReference),
                (Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.UnknownReference), (Callers.Admin, Access.Allowed))),
        new("getTimeEntry", TimeEntryAsync, id => Get($"/api/v1/time-entries/{id}"), PeopleOnly()),
        new("updateTimeEntry", TimeEntryAsync,
            id => Send(HttpMethod.Put, $"/api/v1/time-entries/{id}", new { kind = "travel", durationMinutes = 45, occurredAt = "2025-01-06T09:00:00Z" }, "\"1\""),
            PeopleOnly()),
        new("deleteTimeEntry", TimeEntryAsync, id => Delete($"/api/v1/time-entries/{id}"), PeopleOnly()),
        new("getSellingTime", w => Task.FromResult(w.RepA.Id.ToString()),
            id => Get($"/api/v1/metrics/selling-time?from=2025-01-01&to=2025-02-01&userId={id}"), OwnedRecord("metrics:read")),
        new("getSellingTimeByRep", w => Task.FromResult(w.RepA.Id.ToString()),
            id => Get($"/api/v1/metrics/selling-time/reps?from=2025-01-01&to=2025-02-01&userId={id}"), OwnedRecord("metrics:read")),
        new("getPlan", w => Task.FromResult(w.RepA.Id.ToString()),
            id => Get($"/api/v1/planner?month=2027-01&goalDeals=5&dealsPerOpportunity=0.5&opportunitiesPerMeeting=0.5&callToDeal=0.05&userId={id}"),
            OwnedRecord("metrics:read")),
    ];

    /// <summary>Time entries: the owner, their manager and admins; teammates and the other team see nothing; integrations are refused.</summary>
    private static Dictionary<string, Access> PeopleOnly() => Expect(
        (Callers.Owner, Access.Allowed), (Callers.TeammateRep, Access.Hidden), (Callers.OtherTeamRep, Access.Hidden),
        (Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.Hidden), (Callers.Admin, Access.Allowed));

    private static async Task<string> TimeEntryAsync(AccessWorld world)
    {
        var response = await world.OwnerClient.PostAsJsonAsync("/api/v1/time-entries", Entry);
        return (await response.ReadAsync<TimeEntryDto>()).Id.ToString();
    }
}
