using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Application.Activities;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Domain.Activities;
using static SalesCrm.Api.Tests.Activities.ActivitiesApi;

namespace SalesCrm.Api.Tests.Activities;

public sealed class ActivityTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Logging_a_call_returns_201_with_location_etag_owner_and_team()
    {
        var team = await factory.TeamAsync();
        var (rep, client) = await factory.PersonAsync("rep", team.Id);
        var accountId = await factory.AccountAsync();

        var response = await client.PostJsonAsync(Calls, Call(accountId));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var call = await response.ReadAsync<ActivityDto>();
        Assert.Equal($"/api/v1/activities/{call.Id}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal(ActivityType.Call, call.Type);
        Assert.Equal(rep.Id, call.OwnerId);
        Assert.Equal(team.Id, call.TeamId);
        Assert.Equal(accountId, call.AccountId);
        Assert.Equal(ActivityDirection.Outbound, call.Direction);
        Assert.Equal(ActivityOutcome.Connected, call.Outcome);
        Assert.Equal(120, call.DurationSeconds);
        Assert.Equal("Talked pricing.", call.Notes);
        Assert.InRange(call.OccurredAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        var stored = await (await client.GetAsync($"/api/v1/activities/{call.Id}")).ReadAsync<ActivityDto>();
        Assert.Equal(call, stored);
    }

    [Fact]
    public async Task Emails_meetings_and_notes_keep_their_own_fields()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();
        var contactId = await factory.ContactAsync(accountId);
        var sent = DateTimeOffset.UtcNow.AddHours(-3);
        var start = DateTimeOffset.UtcNow.AddDays(3);

        var email = await client.LogAsync(Emails, new { direction = "outbound", subject = " Proposal ", occurredAt = sent, repliedAt = sent.AddHours(1), contactId });
        var meeting = await client.LogAsync(Meetings, new { durationSeconds = 1800, occurredAt = start, subject = "Demo", accountId });
        var note = await client.LogAsync(Notes, new { body = "Prefers email.", contactId });

        Assert.Equal((ActivityType.Email, "Proposal", ActivityDirection.Outbound), (email.Type, email.Subject, email.Direction));
        Assert.Equal(sent.AddHours(1).ToUnixTimeMilliseconds(), email.RepliedAt?.ToUnixTimeMilliseconds());
        Assert.Equal(sent.ToUnixTimeMilliseconds(), email.OccurredAt.ToUnixTimeMilliseconds());
        Assert.Equal((ActivityType.Meeting, ActivityOutcome.Scheduled, 1800), (meeting.Type, meeting.Outcome, meeting.DurationSeconds));
        Assert.Equal(start.ToUnixTimeMilliseconds(), meeting.OccurredAt.ToUnixTimeMilliseconds());
        Assert.Equal((ActivityType.Note, "Prefers email.", null), (note.Type, note.Body, note.Notes));
        Assert.Null(note.Outcome);
    }

    public static TheoryData<string, string, string> BadCalls => new()
    {
        { "negative duration", """{"direction":"outbound","outcome":"busy","durationSeconds":-1,"accountId":"{account}"}""", "durationSeconds" },
        { "over a day", """{"direction":"outbound","outcome":"busy","durationSeconds":86401,"accountId":"{account}"}""", "durationSeconds" },
        { "no link", """{"direction":"outbound","outcome":"busy","durationSeconds":10}""", "leadId" },
        { "future", """{"direction":"outbound","outcome":"busy","durationSeconds":10,"occurredAt":"2999-01-01T00:00:00Z","accountId":"{account}"}""", "occurredAt" },
        { "unknown outcome", """{"direction":"outbound","outcome":"hung_up","durationSeconds":10,"accountId":"{account}"}""", "outcome" },
        { "meeting outcome on a call", """{"direction":"outbound","outcome":"held","durationSeconds":10,"accountId":"{account}"}""", "outcome" },
        { "unknown direction", """{"direction":"sideways","outcome":"busy","durationSeconds":10,"accountId":"{account}"}""", "direction" },
        { "unknown field", """{"direction":"outbound","outcome":"busy","durationSeconds":10,"accountId":"{account}","mood":"great"}""", "mood" },
        { "wrong type", """{"direction":"outbound","outcome":"busy","durationSeconds":"ten","accountId":"{account}"}""", "durationSeconds" },
        { "missing required", """{"direction":"outbound","durationSeconds":10,"accountId":"{account}"}""", "outcome" },
        { "unknown account", """{"direction":"outbound","outcome":"busy","durationSeconds":10,"accountId":"0190f1a0-0000-7000-8000-00000000dead"}""", "accountId" },
        { "notes too long", """{"direction":"outbound","outcome":"busy","durationSeconds":10,"accountId":"{account}","notes":"{long}"}""", "notes" },
        { "blank externalId", """{"direction":"outbound","outcome":"busy","durationSeconds":10,"accountId":"{account}","externalId":"  "}""", "externalId" },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task Bad_call_input_is_a_400_naming_the_field_and_records_nothing(string _, string json, string field)
    {
        var (_, client) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();
        var before = await factory.ActivityCountAsync();

        var response = await client.PostAsync(Calls, ApiClientExtensions.JsonBody(
            json.Replace("{account}", accountId.ToString()).Replace("{long}", new string('x', 4001))));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
        Assert.Equal(before, await factory.ActivityCountAsync());
    }

    [Fact]
    public async Task Links_to_records_outside_the_callers_scope_or_deleted_are_400_on_that_field()
    {
        var org = await factory.OrgAsync();
        var accountId = await factory.AccountAsync();
        var otherLead = await factory.LeadAsync(org.OtherRep.User.Id);
        var teammateLead = await factory.LeadAsync(org.Teammate.User.Id);
        var otherDeal = await org.OtherRep.Client.CreateOpportunityAsync(accountId);
        using var admin = await factory.AdminClientAsync();
        var deletedAccount = await factory.AccountAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/accounts/{deletedAccount}")).StatusCode);

        var toOtherLead = await org.Rep.Client.PostJsonAsync(Calls, Call(accountId, new { leadId = otherLead }));
        var toTeammateLead = await org.Rep.Client.PostJsonAsync(Calls, Call(accountId, new { leadId = teammateLead }));
        var toOtherDeal = await org.Rep.Client.PostJsonAsync(Calls, Call(accountId, new { opportunityId = otherDeal.Id }));
        var toDeletedAccount = await org.Rep.Client.PostJsonAsync(Calls, Call(deletedAccount));

        Assert.Equal(["leadId"], (await toOtherLead.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["leadId"], (await toTeammateLead.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["opportunityId"], (await toOtherDeal.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["accountId"], (await toDeletedAccount.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        // The teammate's manager may link to it; the other team's deal is linkable by its own rep.
        Assert.Equal(HttpStatusCode.Created, (await org.Manager.Client.PostJsonAsync(Calls, Call(accountId, new { leadId = teammateLead }))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await org.OtherRep.Client.PostJsonAsync(Calls, Call(accountId, new { opportunityId = otherDeal.Id }))).StatusCode);
    }

    [Fact]
    public async Task A_meeting_may_be_scheduled_ahead_but_is_held_only_once_started()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();

        var heldInFuture = await client.PostJsonAsync(Meetings, new { durationSeconds = 600, occurredAt = DateTimeOffset.UtcNow.AddDays(1), outcome = "held", accountId });
        var tooFarAhead = await client.PostJsonAsync(Meetings, new { durationSeconds = 600, occurredAt = DateTimeOffset.UtcNow.AddYears(3), accountId });
        var callInFuture = await client.PostJsonAsync(Calls, Call(accountId, new { occurredAt = DateTimeOffset.UtcNow.AddDays(1) }));

        Assert.Equal(["outcome"], (await heldInFuture.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["occurredAt"], (await tooFarAhead.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["occurredAt"], (await callInFuture.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_meeting_outcome_is_updated_with_if_match()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var meeting = await client.LogAsync(Meetings, new { durationSeconds = 1800, occurredAt = start, accountId });
        var path = $"{Meetings}/{meeting.Id}";
        var change = new { occurredAt = start, durationSeconds = 2400, outcome = "held", notes = "Good demo." };

        await (await client.WithIfMatchAsync(HttpMethod.Put, path, change, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var updated = await client.WithIfMatchAsync(HttpMethod.Put, path, change, 1);
        var stale = await client.WithIfMatchAsync(HttpMethod.Put, path, change, 1);
        var call = await client.LogCallAsync(accountId);
        var notAMeeting = await client.WithIfMatchAsync(HttpMethod.Put, $"{Meetings}/{call.Id}", change, 1);
        var heldAhead = await client.WithIfMatchAsync(HttpMethod.Put, path, change with { occurredAt = DateTimeOffset.UtcNow.AddDays(2) }, 2);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("\"2\"", updated.Headers.ETag?.ToString());
        var held = await updated.ReadAsync<ActivityDto>();
        Assert.Equal((ActivityOutcome.Held, 2400, "Good demo.", accountId), (held.Outcome, held.DurationSeconds, held.Notes, held.AccountId));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await notAMeeting.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["outcome"], (await heldAhead.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_reply_is_recorded_later_and_the_first_reply_counts()
    {
        var org = await factory.OrgAsync();
        var accountId = await factory.AccountAsync();
        var sent = DateTimeOffset.UtcNow.AddDays(-2);
        var email = await org.Rep.Client.LogAsync(Emails, new { direction = "outbound", subject = "Hi", occurredAt = sent, accountId });
        var call = await org.Rep.Client.LogCallAsync(accountId);
        var path = $"{Emails}/{email.Id}/reply";

        var replied = await org.Rep.Client.PostJsonAsync(path, new { repliedAt = sent.AddHours(5) });
        var later = await org.Rep.Client.PostJsonAsync(path, new { repliedAt = sent.AddHours(9) });
        var beforeSent = await org.Rep.Client.PostJsonAsync(path, new { repliedAt = sent.AddHours(-1) });
        var future = await org.Rep.Client.PostJsonAsync(path, new { repliedAt = DateTimeOffset.UtcNow.AddDays(1) });
        var onACall = await org.Rep.Client.PostJsonAsync($"{Emails}/{call.Id}/reply", new { });
        var otherTeam = await org.OtherRep.Client.PostJsonAsync(path, new { });

        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        Assert.Equal(sent.AddHours(5).ToUnixTimeMilliseconds(), (await replied.ReadAsync<ActivityDto>()).RepliedAt?.ToUnixTimeMilliseconds());
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(sent.AddHours(5).ToUnixTimeMilliseconds(), (await later.ReadAsync<ActivityDto>()).RepliedAt?.ToUnixTimeMilliseconds());
        Assert.Equal(["repliedAt"], (await beforeSent.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["repliedAt"], (await future.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await onACall.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await otherTeam.ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // Without a body the reply time is now.
        var fresh = await org.Rep.Client.LogAsync(Emails, new { direction = "inbound", subject = "Question", accountId });
        var now = await org.Rep.Client.PostAsync($"{Emails}/{fresh.Id}/reply", null);
        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        Assert.NotNull((await now.ReadAsync<ActivityDto>()).RepliedAt);
    }

    [Fact]
    public async Task An_external_id_already_used_by_the_caller_returns_the_existing_activity_with_200()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var (_, other) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();

        var first = await client.PostJsonAsync(Calls, Call(accountId, new { externalId = "dialer-42" }));
        var again = await client.PostJsonAsync(Calls, Call(accountId, new { externalId = "dialer-42", durationSeconds = 999 }));
        var otherCaller = await other.PostJsonAsync(Calls, Call(accountId, new { externalId = "dialer-42" }));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var created = await first.ReadAsync<ActivityDto>();
        var existing = await again.ReadAsync<ActivityDto>();
        Assert.Equal(created, existing);
        Assert.Equal(120, existing.DurationSeconds);
        Assert.Equal("dialer-42", existing.ExternalId);
        Assert.Equal(HttpStatusCode.Created, otherCaller.StatusCode);
        Assert.NotEqual(created.Id, (await otherCaller.ReadAsync<ActivityDto>()).Id);
    }

    [Fact]
    public async Task An_idempotency_key_replays_the_first_response_and_refuses_another_body()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();
        var before = await factory.ActivityCountAsync();

        var first = await client.PostJsonAsync(Calls, Call(accountId), "key-1");
        var replay = await client.PostJsonAsync(Calls, Call(accountId), "key-1");
        var otherBody = await client.PostJsonAsync(Calls, Call(accountId, new { durationSeconds = 5 }), "key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.ReadAsync<ActivityDto>()).Id, (await replay.ReadAsync<ActivityDto>()).Id);
        await otherBody.ShouldBeProblemAsync(HttpStatusCode.UnprocessableContent);
        Assert.Equal(before + 1, await factory.ActivityCountAsync());
    }

    [Fact]
    public async Task Parallel_creates_with_one_idempotency_key_make_exactly_one_activity()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();
        var before = await factory.ActivityCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.PostJsonAsync(Calls, Call(accountId), "parallel-key")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.ReadAsync<ActivityDto>()).Id));
        Assert.Single(ids.Distinct());
        Assert.Equal(before + 1, await factory.ActivityCountAsync());
    }

    [Fact]
    public async Task Concurrent_creates_are_each_committed_before_they_are_answered()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();
        var before = await factory.ActivityCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => client.PostJsonAsync(Calls, Call(accountId, new { durationSeconds = i }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.ReadAsync<ActivityDto>()).Id));
        foreach (var id in ids)
        {
            Assert.Equal(1, await factory.ScalarSqlAsync("SELECT COUNT(*) FROM activities WHERE id = $id", ("$id", id)));
        }

        Assert.Equal(before + 100, await factory.ActivityCountAsync());
    }

    [Fact]
    public async Task Reps_see_their_own_managers_their_team_and_admins_everything()
    {
        var org = await factory.OrgAsync();
        var accountId = await factory.AccountAsync();
        var call = await org.Rep.Client.LogCallAsync(accountId);
        var path = $"/api/v1/activities/{call.Id}";
        using var admin = await factory.AdminClientAsync();
        using var integration = await factory.ActivityIntegrationAsync("activities:write");

        Assert.Equal(HttpStatusCode.OK, (await org.Rep.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await org.Teammate.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await org.Manager.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await org.OtherManager.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await org.OtherRep.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync(path)).StatusCode);

        Assert.DoesNotContain(call.Id, (await org.Teammate.Client.AllAsync<ActivityDto>("/api/v1/activities")).Select(a => a.Id));
        Assert.Contains(call.Id, (await org.Manager.Client.AllAsync<ActivityDto>("/api/v1/activities")).Select(a => a.Id));
        Assert.DoesNotContain(call.Id, (await org.OtherManager.Client.AllAsync<ActivityDto>("/api/v1/activities")).Select(a => a.Id));
    }

    [Fact]
    public async Task People_log_for_someone_in_their_scope_and_integrations_must_name_the_owner()
    {
        var org = await factory.OrgAsync();
        var accountId = await factory.AccountAsync();
        using var integration = await factory.ActivityIntegrationAsync("activities:write");
        using var withoutScope = await factory.ActivityIntegrationAsync("metrics:read");

        var forTeammate = await org.Manager.Client.PostJsonAsync(Calls, Call(accountId, new { ownerId = org.Rep.User.Id }));
        var repForTeammate = await org.Rep.Client.PostJsonAsync(Calls, Call(accountId, new { ownerId = org.Teammate.User.Id }));
        var managerForOtherTeam = await org.Manager.Client.PostJsonAsync(Calls, Call(accountId, new { ownerId = org.OtherRep.User.Id }));
        var integrationNoOwner = await integration.PostJsonAsync(Calls, Call(accountId));
        var integrationForRep = await integration.PostJsonAsync(Calls, Call(accountId, new { ownerId = org.OtherRep.User.Id }));
        var noScope = await withoutScope.PostJsonAsync(Calls, Call(accountId, new { ownerId = org.OtherRep.User.Id }));

        Assert.Equal(HttpStatusCode.Created, forTeammate.StatusCode);
        Assert.Equal(org.Rep.User.Id, (await forTeammate.ReadAsync<ActivityDto>()).OwnerId);
        Assert.Equal(["ownerId"], (await repForTeammate.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["ownerId"], (await managerForOtherTeam.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["ownerId"], (await integrationNoOwner.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(HttpStatusCode.Created, integrationForRep.StatusCode);
        var logged = await integrationForRep.ReadAsync<ActivityDto>();
        Assert.Equal((org.OtherRep.User.Id, org.OtherRep.User.TeamId), (logged.OwnerId, logged.TeamId));
        await noScope.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await withoutScope.GetAsync("/api/v1/activities")).StatusCode);
    }

    [Fact]
    public async Task The_list_is_newest_first_paged_and_filtered()
    {
        var team = await factory.TeamAsync();
        var (rep, client) = await factory.PersonAsync("rep", team.Id);
        var accountId = await factory.AccountAsync();
        var otherAccount = await factory.AccountAsync();
        var t0 = DateTimeOffset.UtcNow.AddDays(-10);
        var calls = new List<ActivityDto>();
        for (var i = 0; i < 5; i++)
        {
            calls.Add(await client.LogCallAsync(accountId, new { occurredAt = t0.AddDays(i) }));
        }

        var note = await client.LogAsync(Notes, new { body = "x", occurredAt = t0.AddDays(2).AddHours(1), accountId = otherAccount });

        var firstPage = await (await client.GetAsync("/api/v1/activities?limit=2")).ReadAsync<Page<ActivityDto>>();
        var all = await client.AllAsync<ActivityDto>("/api/v1/activities?limit=2");
        var onlyCalls = await client.AllAsync<ActivityDto>("/api/v1/activities?type=call");
        var window = await client.AllAsync<ActivityDto>($"/api/v1/activities?from={Uri.EscapeDataString(t0.AddDays(1).ToString("O"))}&to={Uri.EscapeDataString(t0.AddDays(3).ToString("O"))}");
        var onAccount = await client.AllAsync<ActivityDto>($"/api/v1/activities?accountId={otherAccount}");
        var ofTeam = await client.AllAsync<ActivityDto>($"/api/v1/activities?teamId={team.Id}&ownerId={rep.Id}");
        var badType = await client.GetAsync("/api/v1/activities?type=fax");
        var badLimit = await client.GetAsync("/api/v1/activities?limit=500");
        var badCursor = await client.GetAsync("/api/v1/activities?cursor=nonsense");

        Assert.Equal([calls[4].Id, calls[3].Id], firstPage.Items.Select(a => a.Id));
        Assert.NotNull(firstPage.NextCursor);
        Assert.Equal([calls[4].Id, calls[3].Id, note.Id, calls[2].Id, calls[1].Id, calls[0].Id], all.Select(a => a.Id));
        Assert.Equal(5, onlyCalls.Count);
        Assert.Equal([note.Id, calls[2].Id, calls[1].Id], window.Select(a => a.Id));
        Assert.Equal([note.Id], onAccount.Select(a => a.Id));
        Assert.Equal(6, ofTeam.Count);
        Assert.Equal(["type"], (await badType.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["limit"], (await badLimit.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["cursor"], (await badCursor.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_deleted_activity_disappears_and_only_a_manager_or_admin_restores_it()
    {
        var org = await factory.OrgAsync();
        var accountId = await factory.AccountAsync();
        var call = await org.Rep.Client.LogCallAsync(accountId);
        var path = $"/api/v1/activities/{call.Id}";

        Assert.Equal(HttpStatusCode.NotFound, (await org.OtherRep.Client.DeleteAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await org.Rep.Client.DeleteAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await org.Rep.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await org.Rep.Client.DeleteAsync(path)).StatusCode);
        Assert.DoesNotContain(call.Id, (await org.Manager.Client.AllAsync<ActivityDto>("/api/v1/activities")).Select(a => a.Id));
        Assert.Equal(1, await factory.ScalarSqlAsync(
            "SELECT COUNT(*) FROM activities WHERE id = $id AND deleted_at IS NOT NULL AND deleted_by = $by", ("$id", call.Id), ("$by", org.Rep.User.Id)));

        await (await org.Rep.Client.PostAsync($"{path}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await org.OtherManager.Client.PostAsync($"{path}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var restored = await org.Manager.Client.PostAsync($"{path}/restore", null);

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await org.Rep.Client.GetAsync(path)).StatusCode);
    }
}
