using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCrm.Application.Activities;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Activities;
using SalesCrm.Domain.Common;
using SalesCrm.Infrastructure.Activities;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.People;
using SalesCrm.IntegrationTests.Data;
using SalesCrm.IntegrationTests.People;

namespace SalesCrm.IntegrationTests.Activities;

/// <summary>The group-commit writer: acknowledged means committed, and one bad row never takes its neighbours down.</summary>
public abstract class ActivityWriterTests : DatabaseTests, IAsyncDisposable
{
    private static readonly OwnerScope Everything = new(true, null, null);
    private readonly ActivityWriter _writer;

    protected ActivityWriterTests(TestDatabase database)
        : base(database) => _writer = new ActivityWriter(Connections, NullLogger<ActivityWriter>.Instance);

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Concurrent_writes_are_all_committed_when_they_are_acknowledged()
    {
        var (owner, account) = await OwnerAndAccountAsync();

        var writes = Enumerable.Range(0, 200).Select(i => _writer.WriteAsync([Call(owner, account, durationSeconds: i)], Everything)).ToList();
        var results = await Task.WhenAll(writes);

        Assert.All(results, r => Assert.Equal(ActivityWriteStatus.Created, Assert.Single(r).Status));
        foreach (var id in results.Select(r => r[0].Id))
        {
            Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM activities WHERE id = @Id", new { Id = id }));
        }
    }

    [Fact]
    public async Task A_row_the_database_refuses_fails_only_its_own_request()
    {
        var (owner, account) = await OwnerAndAccountAsync();
        var good = Enumerable.Range(0, 20).Select(_ => Call(owner, account)).ToList();

        // Validation normally stops this before the writer; the CHECK constraint is the last line of defence.
        var writes = good.Take(10).Select(a => _writer.WriteAsync([a], Everything)).ToList();
        var bad = _writer.WriteAsync([Call(owner, account, durationSeconds: 100_000)], Everything);
        writes.AddRange(good.Skip(10).Select(a => _writer.WriteAsync([a], Everything)));

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => bad);
        Assert.All(await Task.WhenAll(writes), r => Assert.Equal(ActivityWriteStatus.Created, r[0].Status));
        foreach (var activity in good)
        {
            Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM activities WHERE id = @Id", new { activity.Id }));
        }
    }

    [Fact]
    public async Task In_a_batch_a_row_the_database_refuses_is_that_rows_error_and_the_others_are_committed()
    {
        var (owner, account) = await OwnerAndAccountAsync();
        var good = Call(owner, account);
        var alsoGood = Call(owner, account);

        var results = await _writer.WriteAsync([good, Call(owner, account, durationSeconds: -1), alsoGood], Everything);

        Assert.Equal([ActivityWriteStatus.Created, ActivityWriteStatus.Rejected, ActivityWriteStatus.Created], results.Select(r => r.Status));
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM activities WHERE id IN (@A, @B)", new { A = good.Id, B = alsoGood.Id }));
    }

    [Fact]
    public async Task An_external_id_seen_before_or_earlier_in_the_same_write_is_a_duplicate()
    {
        var (owner, account) = await OwnerAndAccountAsync();
        var source = Ids.New().ToString("D");
        var stored = Call(owner, account) with { ExternalSource = source, ExternalId = "ext-1" };
        await _writer.WriteAsync([stored], Everything);

        var results = await _writer.WriteAsync(
            [
                Call(owner, account) with { ExternalSource = source, ExternalId = "ext-1" },
                Call(owner, account) with { ExternalSource = source, ExternalId = "ext-2" },
                Call(owner, account) with { ExternalSource = source, ExternalId = "ext-2" },
                Call(owner, account) with { ExternalSource = Ids.New().ToString("D"), ExternalId = "ext-1" },
            ],
            Everything);

        Assert.Equal(
            [ActivityWriteStatus.Duplicate, ActivityWriteStatus.Created, ActivityWriteStatus.Duplicate, ActivityWriteStatus.Created],
            results.Select(r => r.Status));
        Assert.Equal(stored.Id, results[0].Id);
        Assert.Equal(results[1].Id, results[2].Id);
    }

    [Fact]
    public async Task Links_are_checked_in_the_transaction_and_refused_per_row()
    {
        var (owner, account) = await OwnerAndAccountAsync();
        var (stranger, _) = await OwnerAndAccountAsync();
        var deleted = await AccountAsync(owner, deleted: true);
        var strangersLead = await LeadAsync(stranger);
        var ownScope = new OwnerScope(false, owner, null);

        var results = await _writer.WriteAsync(
            [
                Call(owner, account),
                Call(owner, deleted),
                Call(owner, Ids.New()),
                Call(owner, account) with { LeadId = strangersLead },
                Call(owner, account) with { LeadId = await LeadAsync(owner) },
            ],
            ownScope);

        Assert.Equal(
            [ActivityWriteStatus.Created, ActivityWriteStatus.Rejected, ActivityWriteStatus.Rejected, ActivityWriteStatus.Rejected, ActivityWriteStatus.Created],
            results.Select(r => r.Status));
        Assert.Equal(["accountId"], results[1].Errors!.Keys);
        Assert.Equal(["accountId"], results[2].Errors!.Keys);
        Assert.Equal(["leadId"], results[3].Errors!.Keys);
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM activities WHERE owner_id = @Owner", new { Owner = owner }));
    }

    [Fact]
    public async Task Stopping_commits_what_was_queued_and_refuses_new_work()
    {
        var (owner, account) = await OwnerAndAccountAsync();
        var queued = Enumerable.Range(0, 50).Select(_ => _writer.WriteAsync([Call(owner, account)], Everything)).ToList();

        await _writer.StopAsync(Cancellation);

        Assert.All(await Task.WhenAll(queued), r => Assert.Equal(ActivityWriteStatus.Created, r[0].Status));
        Assert.Throws<InvalidOperationException>(void () => _ = _writer.WriteAsync([Call(owner, account)], Everything));
    }

    private static NewActivity Call(Guid owner, Guid account, int durationSeconds = 60) => new()
    {
        Id = Ids.New(),
        Type = ActivityType.Call,
        OwnerId = owner,
        OccurredAt = Now,
        AccountId = account,
        Direction = ActivityDirection.Outbound,
        Outcome = ActivityOutcome.Connected,
        DurationSeconds = durationSeconds,
        CreatedAt = Now,
        CreatedBy = owner,
    };

    private async Task<(Guid Owner, Guid Account)> OwnerAndAccountAsync()
    {
        var user = TestRecords.User($"writer-{Ids.New():N}@tests.example.com");
        await new UserStore(Connections).InsertAsync(user, Cancellation);
        return (user.Id, await AccountAsync(user.Id));
    }

    private async Task<Guid> AccountAsync(Guid owner, bool deleted = false)
    {
        var id = Ids.New();
        await using var connection = await Connections.OpenAsync(Cancellation);
        await connection.ExecuteAsync(
            "INSERT INTO accounts (id, name, owner_id, created_at, created_by, deleted_at, deleted_by, version) VALUES (@Id, @Name, @Owner, @Now, @Owner, @DeletedAt, @DeletedBy, 1)",
            new { Id = id, Name = "Writer Ltd", Owner = owner, Now, DeletedAt = deleted ? Now : (DateTimeOffset?)null, DeletedBy = deleted ? owner : (Guid?)null });
        return id;
    }

    private async Task<Guid> LeadAsync(Guid owner)
    {
        var id = Ids.New();
        await using var connection = await Connections.OpenAsync(Cancellation);
        await connection.ExecuteAsync(
            "INSERT INTO leads (id, name, owner_id, status, created_at, created_by, version) VALUES (@Id, 'Lead', @Owner, 'new', @Now, @Owner, 1)",
            new { Id = id, Owner = owner, Now });
        return id;
    }

    private async Task<long> CountAsync(string sql, object parameters)
    {
        await using var connection = await Connections.OpenAsync(Cancellation);
        return Convert.ToInt64(await connection.ExecuteScalarAsync(sql, parameters), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class SqliteActivityWriterTests(SqliteDatabase database) : ActivityWriterTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerActivityWriterTests(SqlServerDatabase database) : ActivityWriterTests(database), IClassFixture<SqlServerDatabase>;
