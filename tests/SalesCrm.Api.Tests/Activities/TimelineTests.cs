using System.Net;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Api.Tests.Pipelines;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Timeline;
using static SalesCrm.Api.Tests.Activities.ActivitiesApi;

namespace SalesCrm.Api.Tests.Activities;

public sealed class TimelineTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_opportunitys_timeline_merges_activities_follow_ups_and_stage_moves_newest_first()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();
        var t0 = DateTimeOffset.UtcNow.AddDays(-10);
        var deal = await client.CreateOpportunityAsync(accountId, new { occurredAt = t0 });
        var call = await client.LogCallAsync(accountId, new { opportunityId = deal.Id, occurredAt = t0.AddDays(1) });
        await client.MovedAsync(deal.Id, deal.Version, new { toStageId = PipelinesApi.Qualified, occurredAt = t0.AddDays(2) });
        var email = await client.LogAsync(Emails, new { direction = "outbound", subject = "Same time", opportunityId = deal.Id, occurredAt = t0.AddDays(2) });
        var followUp = await client.PlanAsync(new { channel = "call", opportunityId = deal.Id, occurredAt = t0.AddDays(3), dueAt = t0.AddDays(4) });
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"{FollowUpsPath}/{followUp.Id}/complete", new { completedAt = t0.AddDays(5), fulfilledByActivityId = email.Id })).StatusCode);
        var note = await client.LogAsync(Notes, new { body = "Latest", opportunityId = deal.Id, occurredAt = t0.AddDays(9) });
        var path = $"/api/v1/opportunities/{deal.Id}/timeline";

        var whole = await (await client.GetAsync(path)).ReadAsync<Page<TimelineEntry>>();
        var paged = await client.AllAsync<TimelineEntry>($"{path}?limit=2");

        (TimelineEntryKind, Guid)[] expected =
        [
            (TimelineEntryKind.Activity, note.Id),
            (TimelineEntryKind.FollowUpCompleted, followUp.Id),
            (TimelineEntryKind.FollowUpCreated, followUp.Id),
            (TimelineEntryKind.StageMove, Guid.Empty),
            (TimelineEntryKind.Activity, email.Id),
            (TimelineEntryKind.Activity, call.Id),
            (TimelineEntryKind.StageMove, Guid.Empty),
        ];
        Assert.Equal(expected, whole.Items.Select(Key));
        Assert.Null(whole.NextCursor);
        Assert.Equal(whole.Items.Select(Key), paged.Select(Key));
        Assert.Equal(whole.Items.Select(e => e.OccurredAt), whole.Items.Select(e => e.OccurredAt).OrderDescending());
        var moves = whole.Items.Where(e => e.Kind == TimelineEntryKind.StageMove).Select(e => e.StageMove!).ToList();
        Assert.Equal(("Discovery", "Qualified", PipelinesApi.Qualified), (moves[0].FromStageName, moves[0].ToStageName, moves[0].ToStageId));
        Assert.Equal((null, "Discovery"), (moves[1].FromStageName, moves[1].ToStageName));
        Assert.Equal(email.Id, whole.Items[1].FollowUp!.FulfilledByActivityId);
    }

    [Fact]
    public async Task Leads_and_opportunities_outside_the_scope_have_no_timeline()
    {
        var org = await factory.OrgAsync();
        var accountId = await factory.AccountAsync();
        var deal = await org.Rep.Client.CreateOpportunityAsync(accountId);
        var lead = await factory.LeadAsync(org.Rep.User.Id);
        var call = await org.Rep.Client.LogCallAsync(accountId, new { leadId = lead });
        var followUp = await org.Rep.Client.PlanAsync(new { channel = "email", leadId = lead, dueAt = DateTimeOffset.UtcNow.AddDays(1) });
        using var integration = await factory.ActivityIntegrationAsync("activities:write");

        foreach (var path in new[] { $"/api/v1/opportunities/{deal.Id}/timeline", $"/api/v1/leads/{lead}/timeline" })
        {
            Assert.Equal(HttpStatusCode.OK, (await org.Rep.Client.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await org.Manager.Client.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync(path)).StatusCode);
            await (await org.Teammate.Client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await org.OtherManager.Client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        var leadTimeline = await org.Manager.Client.AllAsync<TimelineEntry>($"/api/v1/leads/{lead}/timeline");
        Assert.Equal([(TimelineEntryKind.FollowUpCreated, followUp.Id), (TimelineEntryKind.Activity, call.Id)], leadTimeline.Select(Key));
        await (await org.Rep.Client.GetAsync($"/api/v1/leads/{Guid.CreateVersion7()}/timeline")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Shared_accounts_and_contacts_show_only_the_entries_the_caller_may_see()
    {
        var org = await factory.OrgAsync();
        var accountId = await factory.AccountAsync();
        var contactId = await factory.ContactAsync(accountId);
        var mine = await org.Rep.Client.LogCallAsync(accountId, new { contactId });
        var theirs = await org.OtherRep.Client.LogAsync(Notes, new { body = "Other team", accountId, contactId });
        using var admin = await factory.AdminClientAsync();

        async Task<Guid[]> Seen(HttpClient client, string path) =>
            [.. (await client.AllAsync<TimelineEntry>(path)).Select(e => e.Activity!.Id)];

        foreach (var path in new[] { $"/api/v1/accounts/{accountId}/timeline", $"/api/v1/contacts/{contactId}/timeline" })
        {
            Assert.Equal([mine.Id], await Seen(org.Rep.Client, path));
            Assert.Equal([mine.Id], await Seen(org.Manager.Client, path));
            Assert.Empty(await Seen(org.Teammate.Client, path));
            Assert.Equal([theirs.Id], await Seen(org.OtherRep.Client, path));
            Assert.Equal([theirs.Id, mine.Id], await Seen(admin, path));
        }

        await (await org.Rep.Client.GetAsync($"/api/v1/accounts/{Guid.CreateVersion7()}/timeline")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await org.Rep.Client.GetAsync($"/api/v1/contacts/{Guid.CreateVersion7()}/timeline")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await org.Rep.Client.GetAsync($"/api/v1/accounts/{accountId}/timeline?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await org.Rep.Client.GetAsync($"/api/v1/accounts/{accountId}/timeline?cursor=abc")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Deleted_activities_and_follow_ups_leave_the_timeline()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();
        var lead = await factory.LeadAsync(rep.Id);
        var kept = await client.LogCallAsync(accountId, new { leadId = lead });
        var deleted = await client.LogCallAsync(accountId, new { leadId = lead });
        var followUp = await client.PlanAsync(new { channel = "call", leadId = lead, dueAt = DateTimeOffset.UtcNow.AddDays(1) });
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/activities/{deleted.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{FollowUpsPath}/{followUp.Id}")).StatusCode);

        var entries = await client.AllAsync<TimelineEntry>($"/api/v1/leads/{lead}/timeline");

        Assert.Equal([(TimelineEntryKind.Activity, kept.Id)], entries.Select(Key));
    }

    private static (TimelineEntryKind, Guid) Key(TimelineEntry entry) =>
        (entry.Kind, entry.Activity?.Id ?? entry.FollowUp?.Id ?? Guid.Empty);
}
