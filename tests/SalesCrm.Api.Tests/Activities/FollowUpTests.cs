using System.Net;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Application.FollowUps;
using SalesCrm.Domain.FollowUps;
using static SalesCrm.Api.Tests.Activities.ActivitiesApi;

namespace SalesCrm.Api.Tests.Activities;

public sealed class FollowUpTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Planning_a_follow_up_returns_201_open_with_location_and_etag()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var deal = await client.CreateOpportunityAsync(await factory.AccountAsync());
        var due = DateTimeOffset.UtcNow.AddDays(2);

        var response = await client.PostJsonAsync(FollowUpsPath, new { channel = "call", dueAt = due, opportunityId = deal.Id, notes = " Ask about budget " });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var followUp = await response.ReadAsync<FollowUpDto>();
        Assert.Equal($"/api/v1/follow-ups/{followUp.Id}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Equal((FollowUpStatus.Open, false, FollowUpChannel.Call, rep.Id, deal.Id, "Ask about budget"),
            (followUp.Status, followUp.IsOverdue, followUp.Channel, followUp.OwnerId, followUp.OpportunityId, followUp.Notes));
        Assert.Equal(due.ToUnixTimeMilliseconds(), followUp.DueAt.ToUnixTimeMilliseconds());
        Assert.Equal(followUp, await (await client.GetAsync($"{FollowUpsPath}/{followUp.Id}")).ReadAsync<FollowUpDto>());
    }

    [Fact]
    public async Task Bad_follow_ups_are_400s_naming_the_field()
    {
        var org = await factory.OrgAsync();
        var ownLead = await factory.LeadAsync(org.Rep.User.Id);
        var otherLead = await factory.LeadAsync(org.OtherRep.User.Id);
        var deal = await org.Rep.Client.CreateOpportunityAsync(await factory.AccountAsync());
        var now = DateTimeOffset.UtcNow;
        var before = await factory.FollowUpCountAsync();

        async Task<string[]> Fields(object body) =>
            (await (await org.Rep.Client.PostJsonAsync(FollowUpsPath, body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields();

        Assert.Equal(["dueAt"], await Fields(new { channel = "call", dueAt = now.AddHours(-1), leadId = ownLead }));
        Assert.Equal(["dueAt"], await Fields(new { channel = "call", dueAt = now.AddDays(-3), occurredAt = now.AddDays(-2), leadId = ownLead }));
        Assert.Equal(["dueAt"], await Fields(new { channel = "call", dueAt = now.AddYears(6), leadId = ownLead }));
        Assert.Equal(["leadId"], await Fields(new { channel = "call", dueAt = now.AddDays(1) }));
        Assert.Equal(["leadId"], await Fields(new { channel = "call", dueAt = now.AddDays(1), leadId = ownLead, opportunityId = deal.Id }));
        Assert.Equal(["leadId"], await Fields(new { channel = "call", dueAt = now.AddDays(1), leadId = otherLead }));
        Assert.Equal(["opportunityId"], await Fields(new { channel = "call", dueAt = now.AddDays(1), opportunityId = Guid.CreateVersion7() }));
        Assert.Equal(["channel"], await Fields(new { channel = "fax", dueAt = now.AddDays(1), leadId = ownLead }));
        Assert.Equal(["occurredAt"], await Fields(new { channel = "call", dueAt = now.AddDays(9), occurredAt = now.AddDays(1), leadId = ownLead }));
        Assert.Equal(["dueAt"], await Fields(new { channel = "email", leadId = ownLead }));
        Assert.Equal(["notes"], await Fields(new { channel = "email", dueAt = now.AddDays(1), leadId = ownLead, notes = new string('n', 4001) }));
        Assert.Equal(["priority"], await Fields(new { channel = "email", dueAt = now.AddDays(1), leadId = ownLead, priority = 1 }));
        Assert.Equal(before, await factory.FollowUpCountAsync());
    }

    [Fact]
    public async Task Completing_records_the_time_and_the_fulfilling_activity_once()
    {
        var org = await factory.OrgAsync();
        var accountId = await factory.AccountAsync();
        var lead = await factory.LeadAsync(org.Rep.User.Id);
        var followUp = await org.Rep.Client.PlanAsync(new { channel = "call", dueAt = DateTimeOffset.UtcNow.AddHours(1), leadId = lead });
        var call = await org.Rep.Client.LogCallAsync(accountId, new { leadId = lead });
        var othersCall = await org.OtherRep.Client.LogCallAsync(accountId);
        var path = $"{FollowUpsPath}/{followUp.Id}/complete";

        var future = await org.Rep.Client.PostJsonAsync(path, new { completedAt = DateTimeOffset.UtcNow.AddDays(1) });
        var beforeCreated = await org.Rep.Client.PostJsonAsync(path, new { completedAt = DateTimeOffset.UtcNow.AddDays(-1) });
        var foreignActivity = await org.Rep.Client.PostJsonAsync(path, new { fulfilledByActivityId = othersCall.Id });
        var otherTeam = await org.OtherRep.Client.PostJsonAsync(path, new { });
        var stale = await org.Rep.Client.WithIfMatchAsync(HttpMethod.Post, path, new { }, 7);
        var completed = await org.Rep.Client.WithIfMatchAsync(HttpMethod.Post, path, new { fulfilledByActivityId = call.Id }, 1);
        var again = await org.Rep.Client.PostJsonAsync(path, new { });
        var cancelAfter = await org.Rep.Client.PostAsync($"{FollowUpsPath}/{followUp.Id}/cancel", null);

        Assert.Equal(["completedAt"], (await future.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["completedAt"], (await beforeCreated.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["fulfilledByActivityId"], (await foreignActivity.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await otherTeam.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal("\"2\"", completed.Headers.ETag?.ToString());
        var done = await completed.ReadAsync<FollowUpDto>();
        Assert.Equal((FollowUpStatus.Completed, call.Id, false), (done.Status, done.FulfilledByActivityId, done.IsOverdue));
        Assert.InRange(done.CompletedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await cancelAfter.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancelling_closes_an_open_follow_up()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var lead = await factory.LeadAsync(rep.Id);
        var followUp = await client.PlanAsync(new { channel = "meeting", dueAt = DateTimeOffset.UtcNow.AddDays(1), leadId = lead });

        var cancelled = await client.PostAsync($"{FollowUpsPath}/{followUp.Id}/cancel", null);
        var complete = await client.PostAsync($"{FollowUpsPath}/{followUp.Id}/complete", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var dto = await cancelled.ReadAsync<FollowUpDto>();
        Assert.Equal(FollowUpStatus.Cancelled, dto.Status);
        Assert.NotNull(dto.CancelledAt);
        Assert.Null(dto.CompletedAt);
        await complete.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Overdue_means_open_and_due_before_now()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var lead = await factory.LeadAsync(rep.Id);
        var now = DateTimeOffset.UtcNow;
        var overdue = await client.PlanAsync(new { channel = "call", occurredAt = now.AddDays(-5), dueAt = now.AddDays(-1), leadId = lead });
        var upcoming = await client.PlanAsync(new { channel = "call", dueAt = now.AddDays(1), leadId = lead });
        var doneLate = await client.PlanAsync(new { channel = "email", occurredAt = now.AddDays(-5), dueAt = now.AddDays(-2), leadId = lead });
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{FollowUpsPath}/{doneLate.Id}/complete", null)).StatusCode);
        var cancelledLate = await client.PlanAsync(new { channel = "email", occurredAt = now.AddDays(-5), dueAt = now.AddDays(-3), leadId = lead });
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{FollowUpsPath}/{cancelledLate.Id}/cancel", null)).StatusCode);

        var overdueList = await client.AllAsync<FollowUpDto>($"{FollowUpsPath}?status=overdue");
        var openList = await client.AllAsync<FollowUpDto>($"{FollowUpsPath}?status=open");
        var all = await client.AllAsync<FollowUpDto>(FollowUpsPath);
        var completed = await client.AllAsync<FollowUpDto>($"{FollowUpsPath}?status=completed");
        var dueWindow = await client.AllAsync<FollowUpDto>(
            $"{FollowUpsPath}?dueFrom={Uri.EscapeDataString(now.AddDays(-2.5).ToString("O"))}&dueTo={Uri.EscapeDataString(now.ToString("O"))}");
        var badStatus = await client.GetAsync($"{FollowUpsPath}?status=late");

        Assert.True(overdue.IsOverdue);
        Assert.False(upcoming.IsOverdue);
        Assert.Equal([overdue.Id], overdueList.Select(f => f.Id));
        Assert.True(overdueList[0].IsOverdue);
        Assert.Equal([overdue.Id, upcoming.Id], openList.Select(f => f.Id));
        Assert.Equal([cancelledLate.Id, doneLate.Id, overdue.Id, upcoming.Id], all.Select(f => f.Id));
        Assert.Equal([doneLate.Id], completed.Select(f => f.Id));
        Assert.False(completed[0].IsOverdue);
        Assert.Equal([doneLate.Id, overdue.Id], dueWindow.Select(f => f.Id));
        Assert.Equal(["status"], (await badStatus.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Follow_ups_are_scoped_like_activities()
    {
        var org = await factory.OrgAsync();
        var lead = await factory.LeadAsync(org.Rep.User.Id);
        var followUp = await org.Rep.Client.PlanAsync(new { channel = "call", dueAt = DateTimeOffset.UtcNow.AddDays(1), leadId = lead });
        var path = $"{FollowUpsPath}/{followUp.Id}";
        using var integration = await factory.ActivityIntegrationAsync("activities:write");
        using var withoutScope = await factory.ActivityIntegrationAsync("directory:read");

        Assert.Equal(HttpStatusCode.OK, (await org.Manager.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await org.Teammate.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await org.OtherManager.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await withoutScope.GetAsync(path)).StatusCode);
        Assert.Contains(followUp.Id, (await org.Manager.Client.AllAsync<FollowUpDto>($"{FollowUpsPath}?teamId={org.Team.Id}")).Select(f => f.Id));
        Assert.Empty(await org.OtherManager.Client.AllAsync<FollowUpDto>($"{FollowUpsPath}?ownerId={org.Rep.User.Id}"));

        var forRep = await integration.PostJsonAsync(FollowUpsPath, new { channel = "email", dueAt = DateTimeOffset.UtcNow.AddDays(1), leadId = lead, ownerId = org.Rep.User.Id });
        var noOwner = await integration.PostJsonAsync(FollowUpsPath, new { channel = "email", dueAt = DateTimeOffset.UtcNow.AddDays(1), leadId = lead });
        Assert.Equal(HttpStatusCode.Created, forRep.StatusCode);
        Assert.Equal(["ownerId"], (await noOwner.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task External_ids_and_idempotency_keys_make_creates_safe_to_retry()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var lead = await factory.LeadAsync(rep.Id);
        var body = new { channel = "call", dueAt = DateTimeOffset.UtcNow.AddDays(1), leadId = lead, externalId = "task-9" };
        var before = await factory.FollowUpCountAsync();

        var first = await client.PostJsonAsync(FollowUpsPath, body);
        var again = await client.PostJsonAsync(FollowUpsPath, body with { dueAt = DateTimeOffset.UtcNow.AddDays(5) });
        var keyed = await client.PostJsonAsync(FollowUpsPath, body with { externalId = "task-10" }, "fu-key");
        var replay = await client.PostJsonAsync(FollowUpsPath, body with { externalId = "task-10" }, "fu-key");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.ReadAsync<FollowUpDto>()).Id, (await again.ReadAsync<FollowUpDto>()).Id);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal((await keyed.ReadAsync<FollowUpDto>()).Id, (await replay.ReadAsync<FollowUpDto>()).Id);
        Assert.Equal(before + 2, await factory.FollowUpCountAsync());
    }

    [Fact]
    public async Task A_deleted_follow_up_disappears_and_only_a_manager_or_admin_restores_it()
    {
        var org = await factory.OrgAsync();
        var lead = await factory.LeadAsync(org.Rep.User.Id);
        var followUp = await org.Rep.Client.PlanAsync(new { channel = "call", dueAt = DateTimeOffset.UtcNow.AddDays(1), leadId = lead });
        var path = $"{FollowUpsPath}/{followUp.Id}";
        using var admin = await factory.AdminClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await org.OtherRep.Client.DeleteAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await org.Rep.Client.DeleteAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await org.Rep.Client.GetAsync(path)).StatusCode);
        Assert.DoesNotContain(followUp.Id, (await org.Rep.Client.AllAsync<FollowUpDto>(FollowUpsPath)).Select(f => f.Id));
        await (await org.Rep.Client.PostAsync($"{path}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await org.OtherManager.Client.PostAsync($"{path}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{path}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await org.Rep.Client.GetAsync(path)).StatusCode);
    }
}
