using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Activities;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.TimeEntries;
using SalesCrm.Domain.TimeEntries;

namespace SalesCrm.Api.Tests.TimeEntries;

public sealed class TimeEntryTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Path = "/api/v1/time-entries";

    [Fact]
    public async Task A_rep_logs_corrects_lists_and_deletes_their_own_time()
    {
        var (rep, client) = await factory.PersonAsync("rep");

        var response = await client.PostJsonAsync(Path, new { kind = "internal_meeting", durationMinutes = 45, occurredAt = "2025-02-03T09:00:00Z", note = " Weekly sync " });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        var entry = await response.ReadAsync<TimeEntryDto>();
        Assert.Equal((rep.Id, TimeEntryKind.InternalMeeting, 45, "Weekly sync"), (entry.OwnerId, entry.Kind, entry.DurationMinutes, entry.Note));
        Assert.Equal(DateTimeOffset.Parse("2025-02-03T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), entry.OccurredAt);

        var updated = await client.WithIfMatchAsync(HttpMethod.Put, $"{Path}/{entry.Id}",
            new { kind = "travel", durationMinutes = 90, occurredAt = "2025-02-03T08:00:00Z" }, 1);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var u = await updated.ReadAsync<TimeEntryDto>();
        Assert.Equal((TimeEntryKind.Travel, 90, (string?)null, 2), (u.Kind, u.DurationMinutes, u.Note, u.Version));

        var stale = await client.WithIfMatchAsync(HttpMethod.Put, $"{Path}/{entry.Id}", new { kind = "admin", durationMinutes = 5, occurredAt = "2025-02-03T08:00:00Z" }, 1);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var listed = await (await client.GetAsync($"{Path}?ownerId={rep.Id}&kind=travel&from=2025-02-01T00:00:00Z&to=2025-03-01T00:00:00Z")).ReadAsync<Page<TimeEntryDto>>();
        Assert.Equal([entry.Id], listed.Items.Select(i => i.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{Path}/{entry.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Path}/{entry.Id}")).StatusCode);
        Assert.Empty((await (await client.GetAsync($"{Path}?ownerId={rep.Id}")).ReadAsync<Page<TimeEntryDto>>()).Items);
    }

    [Fact]
    public async Task A_list_pages_newest_first()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        foreach (var day in new[] { "2025-03-03", "2025-03-05", "2025-03-04" })
        {
            await client.PostJsonAsync(Path, new { kind = "admin", durationMinutes = 10, occurredAt = $"{day}T09:00:00Z" });
        }

        var all = await client.AllAsync<TimeEntryDto>($"{Path}?ownerId={rep.Id}&limit=2");

        Assert.Equal([5, 4, 3], all.Select(e => e.OccurredAt.Day));
    }

    [Fact]
    public async Task A_manager_logs_for_a_rep_of_their_team_and_others_see_nothing()
    {
        var team = await factory.TeamAsync();
        var (rep, _) = await factory.PersonAsync("rep", team.Id);
        var (_, teammate) = await factory.PersonAsync("rep", team.Id);
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var (_, otherManager) = await factory.PersonAsync("manager", (await factory.TeamAsync()).Id);

        var entry = await (await manager.PostJsonAsync(Path, new { kind = "training", durationMinutes = 120, ownerId = rep.Id })).ReadAsync<TimeEntryDto>();

        Assert.Equal(rep.Id, entry.OwnerId);
        Assert.Equal(HttpStatusCode.NotFound, (await teammate.GetAsync($"{Path}/{entry.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"{Path}/{entry.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.DeleteAsync($"{Path}/{entry.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teammate.WithIfMatchAsync(HttpMethod.Put, $"{Path}/{entry.Id}",
            new { kind = "admin", durationMinutes = 5, occurredAt = "2025-02-03T08:00:00Z" }, 1)).StatusCode);
        Assert.Empty((await (await otherManager.GetAsync($"{Path}?ownerId={rep.Id}")).ReadAsync<Page<TimeEntryDto>>()).Items);
        Assert.Equal(["ownerId"], (await (await otherManager.PostJsonAsync(Path, new { kind = "admin", durationMinutes = 5, ownerId = rep.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_create_repeated_with_the_same_idempotency_key_logs_once()
    {
        var (rep, client) = await factory.PersonAsync("rep");
        var body = new { kind = "admin", durationMinutes = 20, occurredAt = "2025-04-01T09:00:00Z" };

        var first = await client.PostJsonAsync(Path, body, "time-entry-key-1");
        var again = await client.PostJsonAsync(Path, body, "time-entry-key-1");

        Assert.Equal((await first.ReadAsync<TimeEntryDto>()).Id, (await again.ReadAsync<TimeEntryDto>()).Id);
        Assert.Equal(1, await CountAsync(rep.Id));
    }

    [Theory]
    [InlineData("""{"kind":"admin","durationMinutes":0}""", "durationMinutes")]
    [InlineData("""{"kind":"admin","durationMinutes":1441}""", "durationMinutes")]
    [InlineData("""{"kind":"admin","durationMinutes":-5}""", "durationMinutes")]
    [InlineData("""{"kind":"selling","durationMinutes":30}""", "kind")]
    [InlineData("""{"kind":"admin","durationMinutes":30,"occurredAt":"2099-01-01T00:00:00Z"}""", "occurredAt")]
    public async Task Bad_entries_are_400_naming_the_field_and_write_nothing(string body, string field)
    {
        var (rep, client) = await factory.PersonAsync("rep");

        var response = await client.PostAsync(Path, ApiClientExtensions.JsonBody(body));

        Assert.Equal([field], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(0, await CountAsync(rep.Id));
    }

    [Fact]
    public async Task A_correction_out_of_range_is_400_and_changes_nothing()
    {
        var (_, client) = await factory.PersonAsync("rep");
        var entry = await (await client.PostJsonAsync(Path, new { kind = "admin", durationMinutes = 30 })).ReadAsync<TimeEntryDto>();

        var response = await client.WithIfMatchAsync(HttpMethod.Put, $"{Path}/{entry.Id}", new { kind = "admin", durationMinutes = 2000, occurredAt = entry.OccurredAt }, 1);

        Assert.Equal(["durationMinutes"], (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(30, (await (await client.GetAsync($"{Path}/{entry.Id}")).ReadAsync<TimeEntryDto>()).DurationMinutes);
    }

    private Task<long> CountAsync(Guid ownerId) =>
        factory.ScalarSqlAsync("SELECT COUNT(*) FROM time_entries WHERE owner_id = $owner", ("$owner", ownerId));
}
