using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Security;
using SalesCrm.Application.Activities;
using SalesCrm.Application.FollowUps;
using static SalesCrm.Api.Tests.Security.Matrix;

namespace SalesCrm.Api.Tests.Activities;

/// <summary>
/// Every activity, follow-up and timeline operation run as every kind of caller (owner, teammate, manager, other team,
/// admin, integrations with each scope). Targets belong to the world's rep A; each case makes a fresh one.
/// </summary>
public sealed class ActivityAuthorizationMatrixTests(AuthorizationMatrixTests.MatrixFactory factory)
    : IClassFixture<AuthorizationMatrixTests.MatrixFactory>
{
    private const string Scope = "activities:write";

    public static TheoryData<AccessCase> Cases => [.. All];

    /// <summary>Anyone may call it for themselves: people, and integrations with the scope.</summary>
    private static Dictionary<string, Access> Everyone => Expect(
        (Callers.Owner, Access.Allowed), (Callers.TeammateRep, Access.Allowed), (Callers.OtherTeamRep, Access.Allowed),
        (Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.Allowed), (Callers.Admin, Access.Allowed),
        (Callers.Client(Scope), Access.Allowed));

    /// <summary>Creating for rep A: people outside rep A's scope name an owner they cannot assign (400).</summary>
    private static Dictionary<string, Access> ForRepA => Expect(
        (Callers.Owner, Access.Allowed), (Callers.TeammateRep, Access.UnknownReference), (Callers.OtherTeamRep, Access.UnknownReference),
        (Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.UnknownReference), (Callers.Admin, Access.Allowed),
        (Callers.Client(Scope), Access.Allowed));

    /// <summary>Restoring: the owner's manager and admins; in-scope reps and integrations are refused; others do not see it.</summary>
    private static Dictionary<string, Access> Restore => Expect(
        (Callers.Owner, Access.Forbidden), (Callers.TeammateRep, Access.Hidden), (Callers.OtherTeamRep, Access.Hidden),
        (Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.Hidden), (Callers.Admin, Access.Allowed),
        (Callers.Client(Scope), Access.Forbidden));

    private static IEnumerable<AccessCase> All =>
    [
        new("logCall", AccountAsync, account => Send(HttpMethod.Post, "/api/v1/activities/calls", new { direction = "inbound", outcome = "busy", durationSeconds = 5, accountId = account, ownerId = RepA }), ForRepA),
        new("logEmail", AccountAsync, account => Send(HttpMethod.Post, "/api/v1/activities/emails", new { direction = "outbound", subject = "Hi", accountId = account, ownerId = RepA }), ForRepA),
        new("logMeeting", AccountAsync, account => Send(HttpMethod.Post, "/api/v1/activities/meetings", new { durationSeconds = 60, accountId = account, ownerId = RepA }), ForRepA),
        new("logNote", AccountAsync, account => Send(HttpMethod.Post, "/api/v1/activities/notes", new { body = "n", accountId = account, ownerId = RepA }), ForRepA),
        new("logActivityBatch", AccountAsync, account => Send(HttpMethod.Post, "/api/v1/activities/batch", new { items = new[] { new { type = "note", body = "n", accountId = account, ownerId = RepA } } }), Everyone),
        new("listActivities", _ => Task.FromResult(""), _ => Get("/api/v1/activities"), Everyone),
        new("getActivity", w => ActivityAsync(w, "notes", new { body = "n" }), id => Get($"/api/v1/activities/{id}"), OwnedRecord(Scope)),
        new("deleteActivity", w => ActivityAsync(w, "notes", new { body = "n" }), id => Delete($"/api/v1/activities/{id}"), OwnedRecord(Scope)),
        new("restoreActivity", DeletedActivityAsync, id => Send(HttpMethod.Post, $"/api/v1/activities/{id}/restore", new { }), Restore),
        new("updateMeeting", w => ActivityAsync(w, "meetings", new { durationSeconds = 60, occurredAt = DateTimeOffset.UtcNow.AddHours(-1) }),
            id => Send(HttpMethod.Put, $"/api/v1/activities/meetings/{id}", new { occurredAt = DateTimeOffset.UtcNow.AddHours(-1), durationSeconds = 90, outcome = "held" }, "\"1\""),
            OwnedRecord(Scope)),
        new("recordEmailReply", w => ActivityAsync(w, "emails", new { direction = "outbound", subject = "Hi", occurredAt = DateTimeOffset.UtcNow.AddHours(-1) }),
            id => Send(HttpMethod.Post, $"/api/v1/activities/emails/{id}/reply", new { }), OwnedRecord(Scope)),
        new("createFollowUp", OpportunityAsync, deal => Send(HttpMethod.Post, "/api/v1/follow-ups", new { channel = "call", dueAt = DateTimeOffset.UtcNow.AddDays(1), opportunityId = deal, ownerId = RepA }), ForRepA),
        new("listFollowUps", _ => Task.FromResult(""), _ => Get("/api/v1/follow-ups"), Everyone),
        new("getFollowUp", FollowUpAsync, id => Get($"/api/v1/follow-ups/{id}"), OwnedRecord(Scope)),
        new("completeFollowUp", FollowUpAsync, id => Send(HttpMethod.Post, $"/api/v1/follow-ups/{id}/complete", new { }), OwnedRecord(Scope)),
        new("cancelFollowUp", FollowUpAsync, id => Send(HttpMethod.Post, $"/api/v1/follow-ups/{id}/cancel", new { }), OwnedRecord(Scope)),
        new("deleteFollowUp", FollowUpAsync, id => Delete($"/api/v1/follow-ups/{id}"), OwnedRecord(Scope)),
        new("restoreFollowUp", DeletedFollowUpAsync, id => Send(HttpMethod.Post, $"/api/v1/follow-ups/{id}/restore", new { }), Restore),
        new("getOpportunityTimeline", OpportunityAsync, id => Get($"/api/v1/opportunities/{id}/timeline"), OwnedRecord(Scope)),
        new("getLeadTimeline", LeadAsync, id => Get($"/api/v1/leads/{id}/timeline"), OwnedRecord(Scope)),
        new("getAccountTimeline", AccountAsync, id => Get($"/api/v1/accounts/{id}/timeline"), Everyone),
        new("getContactTimeline", ContactAsync, id => Get($"/api/v1/contacts/{id}/timeline"), Everyone),
    ];

    /// <summary>Rep A's id for request bodies; set once the world exists (every case runs after it).</summary>
    private static Guid RepA { get; set; }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_gets_what_its_scope_allows(AccessCase @case)
    {
        var world = await factory.WorldAsync();
        RepA = world.RepA.Id;
        var mismatches = new List<string>();
        foreach (var caller in Callers.All)
        {
            var target = await @case.Target(world);
            var response = await world[caller].SendAsync(@case.Request(target));
            var expected = @case.For(caller);
            if (!AccessCase.Matches(expected, response.StatusCode))
            {
                mismatches.Add($"{caller}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{@case.Operation}:\n" + string.Join('\n', mismatches));
    }

    private static async Task<string> AccountAsync(AccessWorld world) =>
        (await Created(await world.Admin.PostAsJsonAsync("/api/v1/accounts", new { name = "Matrix Ltd" }))).GetProperty("id").GetString()!;

    private static async Task<string> ContactAsync(AccessWorld world) =>
        (await Created(await world.Admin.PostAsJsonAsync("/api/v1/contacts", new { firstName = "Ada", lastName = "Matrix" }))).GetProperty("id").GetString()!;

    private static async Task<string> LeadAsync(AccessWorld world) =>
        (await Created(await world.OwnerClient.PostAsJsonAsync("/api/v1/leads", new { name = "Matrix lead" }))).GetProperty("id").GetString()!;

    private static async Task<string> OpportunityAsync(AccessWorld world) =>
        (await Created(await world.OwnerClient.PostAsJsonAsync("/api/v1/opportunities", new { name = "Matrix deal", accountId = await AccountAsync(world), amount = 10 })))
            .GetProperty("id").GetString()!;

    private static async Task<string> ActivityAsync(AccessWorld world, string kind, object fields)
    {
        var body = ActivitiesApi.Body(fields, new { accountId = await AccountAsync(world) });
        return (await (await world.OwnerClient.PostAsJsonAsync($"/api/v1/activities/{kind}", body)).ReadAsync<ActivityDto>()).Id.ToString();
    }

    private static async Task<string> DeletedActivityAsync(AccessWorld world)
    {
        var id = await ActivityAsync(world, "notes", new { body = "to delete" });
        Assert.Equal(HttpStatusCode.NoContent, (await world.OwnerClient.DeleteAsync($"/api/v1/activities/{id}")).StatusCode);
        return id;
    }

    private static async Task<string> FollowUpAsync(AccessWorld world)
    {
        var response = await world.OwnerClient.PostAsJsonAsync("/api/v1/follow-ups",
            new { channel = "email", dueAt = DateTimeOffset.UtcNow.AddDays(1), opportunityId = await OpportunityAsync(world) });
        return (await response.ReadAsync<FollowUpDto>()).Id.ToString();
    }

    private static async Task<string> DeletedFollowUpAsync(AccessWorld world)
    {
        var id = await FollowUpAsync(world);
        Assert.Equal(HttpStatusCode.NoContent, (await world.OwnerClient.DeleteAsync($"/api/v1/follow-ups/{id}")).StatusCode);
        return id;
    }

    private static async Task<System.Text.Json.JsonElement> Created(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }
}
