using System.Net;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Application.Activities;
using SalesCrm.Application.Activities.LogActivityBatch;
using SalesCrm.Domain.Activities;
using static SalesCrm.Api.Tests.Activities.ActivitiesApi;

namespace SalesCrm.Api.Tests.Activities;

public sealed class ActivityBatchTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Valid_items_are_committed_and_every_item_gets_its_own_result()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();
        var before = await factory.ActivityCountAsync();
        var sent = DateTimeOffset.UtcNow.AddDays(-1);
        object[] items =
        [
            new { type = "call", direction = "outbound", outcome = "voicemail", durationSeconds = 30, accountId },
            new { type = "call", direction = "outbound", outcome = "connected", durationSeconds = -5, accountId },
            new { type = "email", direction = "outbound", occurredAt = sent, accountId },
            new { type = "note", body = "Met at the fair.", accountId },
            new { type = "meeting", durationSeconds = 600, direction = "inbound", accountId },
            new { type = "call", direction = "inbound", outcome = "busy", durationSeconds = 0, accountId = Guid.CreateVersion7() },
            new { type = "call", direction = "inbound", outcome = "busy", durationSeconds = 1, accountId, externalId = "crm-7" },
            new { type = "call", direction = "inbound", outcome = "busy", durationSeconds = 2, accountId, externalId = "crm-7" },
            new { type = "call", direction = "inbound", outcome = "held", durationSeconds = 2, accountId },
            new { type = "email", direction = "inbound", subject = "Re: offer", occurredAt = sent, repliedAt = sent.AddHours(2), accountId },
            new { type = "meeting", durationSeconds = 900, outcome = "no_show", occurredAt = sent, subject = "Kick-off", accountId },
            new { type = "note", body = "No link." },
        ];

        var response = await client.PostJsonAsync(Batch, new { items });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadAsync<ActivityBatchResult>();
        Assert.Equal(
            [BatchItemStatus.Created, BatchItemStatus.Error, BatchItemStatus.Error, BatchItemStatus.Created, BatchItemStatus.Error, BatchItemStatus.Error,
             BatchItemStatus.Created, BatchItemStatus.Duplicate, BatchItemStatus.Error, BatchItemStatus.Created, BatchItemStatus.Created, BatchItemStatus.Error],
            result.Items.Select(i => i.Status));
        Assert.Equal(Enumerable.Range(0, items.Length), result.Items.Select(i => i.Index));
        Assert.Equal((5, 1, 6), (result.Created, result.Duplicates, result.Errors));
        Assert.Equal(["items[1].durationSeconds"], result.Items[1].Errors!.Keys);
        Assert.Equal(["items[2].subject"], result.Items[2].Errors!.Keys);
        Assert.Equal(["items[4].direction"], result.Items[4].Errors!.Keys);
        Assert.Equal(["items[5].accountId"], result.Items[5].Errors!.Keys);
        Assert.Equal(result.Items[6].Id, result.Items[7].Id);
        Assert.Equal(["items[8].outcome"], result.Items[8].Errors!.Keys);
        Assert.Equal(["items[11].leadId"], result.Items[11].Errors!.Keys);
        Assert.All(result.Items.Where(i => i.Status == BatchItemStatus.Error), i => Assert.Null(i.Id));
        Assert.Equal(before + 5, await factory.ActivityCountAsync());

        var email = await (await client.GetAsync($"/api/v1/activities/{result.Items[9].Id}")).ReadAsync<ActivityDto>();
        Assert.Equal((ActivityType.Email, "Re: offer", rep.Id), (email.Type, email.Subject, email.OwnerId));
        Assert.Equal(sent.AddHours(2).ToUnixTimeMilliseconds(), email.RepliedAt?.ToUnixTimeMilliseconds());
        var meeting = await (await client.GetAsync($"/api/v1/activities/{result.Items[10].Id}")).ReadAsync<ActivityDto>();
        Assert.Equal((ActivityOutcome.NoShow, 900), (meeting.Outcome, meeting.DurationSeconds));
    }

    [Fact]
    public async Task An_external_id_recorded_before_is_a_duplicate_with_the_existing_id()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();
        var single = await client.LogCallAsync(accountId, new { externalId = "sync-1" });

        var result = await (await client.PostJsonAsync(Batch, new { items = new[] { Body(Call(accountId, new { externalId = "sync-1" }), new { type = "call" }) } }))
            .ReadAsync<ActivityBatchResult>();

        Assert.Equal(BatchItemStatus.Duplicate, result.Items[0].Status);
        Assert.Equal(single.Id, result.Items[0].Id);
    }

    [Fact]
    public async Task More_than_1000_items_or_none_is_a_400_and_records_nothing()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();
        var before = await factory.ActivityCountAsync();
        var item = new { type = "note", body = "x", accountId };

        var tooMany = await client.PostJsonAsync(Batch, new { items = Enumerable.Repeat(item, 1001) });
        var none = await client.PostJsonAsync(Batch, new { items = Array.Empty<object>() });
        var malformed = await client.PostJsonAsync(Batch, new { items = new object[] { item, new { type = "note", body = "x", accountId, colour = "red" } } });
        var unknownType = await client.PostJsonAsync(Batch, new { items = new object[] { new { type = "fax", accountId } } });

        Assert.Equal(["items"], (await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["items"], (await none.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["items[1].colour"], (await malformed.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["items[0].type"], (await unknownType.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(before, await factory.ActivityCountAsync());
    }

    [Fact]
    public async Task A_full_batch_of_1000_is_recorded()
    {
        using var integration = await factory.ActivityIntegrationAsync("activities:write");
        var (rep, _) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();
        var before = await factory.ActivityCountAsync();
        var items = Enumerable.Range(0, 1000).Select(i => Body(Call(accountId, new { ownerId = rep.Id, externalId = $"bulk-{i}" }), new { type = "call" }));

        var response = await integration.PostJsonAsync(Batch, new { items });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadAsync<ActivityBatchResult>();
        Assert.Equal(1000, result.Created);
        Assert.Equal(before + 1000, await factory.ActivityCountAsync());
    }

    [Fact]
    public async Task Integrations_name_each_items_owner_and_need_the_scope()
    {
        var (rep, _) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();
        using var integration = await factory.ActivityIntegrationAsync("activities:write");
        using var withoutScope = await factory.ActivityIntegrationAsync("directory:read");
        object[] items =
        [
            new { type = "note", body = "owned", accountId, ownerId = rep.Id },
            new { type = "note", body = "no owner", accountId },
        ];

        var result = await (await integration.PostJsonAsync(Batch, new { items })).ReadAsync<ActivityBatchResult>();
        var forbidden = await withoutScope.PostJsonAsync(Batch, new { items });

        Assert.Equal([BatchItemStatus.Created, BatchItemStatus.Error], result.Items.Select(i => i.Status));
        Assert.Equal(["items[1].ownerId"], result.Items[1].Errors!.Keys);
        await forbidden.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_batch_replays_under_its_idempotency_key()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var accountId = await factory.AccountAsync();
        var body = new { items = new[] { new { type = "note", body = "once", accountId } } };
        var before = await factory.ActivityCountAsync();

        var first = await client.PostJsonAsync(Batch, body, "batch-key");
        var replay = await client.PostJsonAsync(Batch, body, "batch-key");

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.ReadAsync<ActivityBatchResult>()).Items[0].Id, (await replay.ReadAsync<ActivityBatchResult>()).Items[0].Id);
        Assert.Equal(before + 1, await factory.ActivityCountAsync());
    }
}
