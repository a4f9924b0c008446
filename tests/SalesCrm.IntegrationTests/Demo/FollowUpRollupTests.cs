using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Infrastructure.Auth;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Demo;
using SalesCrm.Infrastructure.Metrics;
using SalesCrm.Infrastructure.Metrics.Rollups;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// The follow-up rollups (migration 0013) must equal the records' own definition after any write: follow_up_days per
/// owner and day, the counts kept on stage moves and opportunities, and the figures read from them over several windows
/// and several "now"s (overdue joins the rollup's past days with today's records).
/// </summary>
public abstract class FollowUpRollupTests(TestDatabase database) : DatabaseTests(database)
{
    private static readonly GeneratorProfile Tiny = GeneratorProfile.Small with { Teams = 1, RepsPerTeam = 2, Days = 60, Seed = 23 };

    [Fact]
    public async Task The_follow_up_rollups_agree_with_the_records_after_inserts_updates_and_deletes()
    {
        var clock = new FixedClock(Now);
        await new SalesHistoryGenerator(Connections, new IdentityPasswordHasher(), clock, NullLogger<SalesHistoryGenerator>.Instance)
            .GenerateAsync(Tiny, reps: null, HistoryWrites.ThroughTriggers, Cancellation);
        await using var connection = await Connections.OpenAsync(Cancellation);
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM follow_ups WHERE status = 'completed'") > 100);
        await AssertRollupsMatchAsync(connection);

        await EditFollowUpsAsync(connection);
        await EditOpportunitiesAndMovesAsync(connection);
        await AssertRollupsMatchAsync(connection);
        await AssertFiguresMatchAsync(connection);

        // The rebuild (after a migration, on a zone change) recomputes everything from the records alone.
        await Execute(connection, "UPDATE follow_up_days SET due = due + 7, completed = 0");
        await Execute(connection, "UPDATE stage_moves SET follow_ups_in_stage = 9");
        await Execute(connection, "UPDATE opportunities SET follow_ups_at_close = 9");
        foreach (var statement in FollowUpDayRollup.Statements)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement.For(Connections.Dialect), cancellationToken: Cancellation));
        }

        await AssertRollupsMatchAsync(connection);
    }

    /// <summary>Soft-delete, restore, complete (on time and late), cancel a completed one, change owner, due time and opportunity, hard-delete.</summary>
    private async Task EditFollowUpsAsync(System.Data.Common.DbConnection connection)
    {
        var now = Now;
        await Execute(connection, "UPDATE follow_ups SET deleted_at = @now WHERE {pick} IN ('0', '1')", new { now });
        await Execute(connection, "UPDATE follow_ups SET status = 'completed', completed_at = due_at WHERE status = 'open' AND {pick} IN ('2', '3')");
        await Execute(connection, "UPDATE follow_ups SET status = 'completed', completed_at = @now WHERE status = 'open' AND {pick} = '4'", new { now });
        await Execute(connection, "UPDATE follow_ups SET status = 'cancelled', completed_at = NULL, cancelled_at = @now WHERE status = 'completed' AND {pick} = '5'", new { now });
        await Execute(connection, "UPDATE follow_ups SET owner_id = (SELECT MIN(CAST(id AS VARCHAR(36))) FROM users WHERE role = 'rep') WHERE {pick} = '6'");
        await Execute(connection, "UPDATE follow_ups SET due_at = created_at WHERE {pick} = '7'");
        await Execute(connection, """
            UPDATE follow_ups SET opportunity_id = (SELECT MIN(CAST(id AS VARCHAR(36))) FROM opportunities WHERE closed_at IS NOT NULL)
            WHERE opportunity_id IS NOT NULL AND {pick} = '8'
            """);
        await Execute(connection, "UPDATE follow_ups SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND {pick} = '0'");
        await Execute(connection, "DELETE FROM follow_ups WHERE {pick} = '9'");

        // Open follow-ups due today, before and after now: overdue reads today's part from the records.
        foreach (var dueAt in new[] { Now.AddHours(-1), Now.AddMilliseconds(-1), Now, Now.AddHours(1) })
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO follow_ups (id, owner_id, channel, due_at, opportunity_id, status, created_at, created_by, version)
                SELECT @Id, o.owner_id, 'call', @dueAt, o.id, 'open', @dueAt, o.owner_id, 1
                FROM opportunities o WHERE o.id = (SELECT MIN(CAST(x.id AS VARCHAR(36))) FROM opportunities x)
                """, new { Id = Guid.NewGuid(), dueAt }, cancellationToken: Cancellation));
        }
    }

    /// <summary>Reopen deals, close others at another time, move stage moves in time, append new moves.</summary>
    private async Task EditOpportunitiesAndMovesAsync(System.Data.Common.DbConnection connection)
    {
        var now = Now;
        await Execute(connection, "UPDATE opportunities SET closed_at = NULL, outcome = NULL WHERE closed_at IS NOT NULL AND {pick} IN ('a', 'b')");
        await Execute(connection, "UPDATE opportunities SET closed_at = stage_entered_at WHERE closed_at IS NOT NULL AND {pick} IN ('c', 'd')");
        await Execute(connection, "UPDATE stage_moves SET occurred_at = recorded_at WHERE move_number > 1 AND {pick} = 'e'");
        var last = await connection.QueryAsync<Guid>(new CommandDefinition("""
            SELECT m.id FROM stage_moves m
            WHERE m.move_number = (SELECT MAX(x.move_number) FROM stage_moves x WHERE x.opportunity_id = m.opportunity_id)
            """, cancellationToken: Cancellation));
        foreach (var moveId in last.Take(15))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO stage_moves (id, opportunity_id, from_stage_id, to_stage_id, occurred_at, moved_by, recorded_at, move_number)
                SELECT @Id, m.opportunity_id, m.to_stage_id, m.to_stage_id, @now, m.moved_by, @now, m.move_number + 1 FROM stage_moves m WHERE m.id = @moveId
                """, new { Id = Guid.NewGuid(), now, moveId }, cancellationToken: Cancellation));
        }
    }

    private static async Task AssertRollupsMatchAsync(System.Data.Common.DbConnection connection)
    {
        const string raw = """
            SELECT x.day, x.owner_id, SUM(x.due) AS due, SUM(x.open_due) AS open_due, SUM(x.completed) AS completed, SUM(x.on_time) AS on_time
            FROM (
                SELECT c.day, f.owner_id, 1 AS due, CASE WHEN f.status = 'open' THEN 1 ELSE 0 END AS open_due, 0 AS completed, 0 AS on_time
                FROM follow_ups f JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= f.due_at)
                WHERE f.deleted_at IS NULL AND f.status <> 'cancelled'
                UNION ALL
                SELECT c.day, f.owner_id, 0, 0, 1, CASE WHEN f.completed_at <= f.due_at THEN 1 ELSE 0 END
                FROM follow_ups f JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= f.completed_at)
                WHERE f.deleted_at IS NULL AND f.status = 'completed'
            ) x
            GROUP BY x.day, x.owner_id
            """;
        const string rolled = """
            SELECT day, owner_id, due, open_due, completed, completed_on_time FROM follow_up_days
            WHERE owner_id <> @Organisation AND (due <> 0 OR open_due <> 0 OR completed <> 0 OR completed_on_time <> 0)
            """;
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({raw} EXCEPT {rolled}) d", new { Organisation = Guid.Empty }));
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({rolled} EXCEPT {raw}) d", new { Organisation = Guid.Empty }));

        // The organisation's rows (owner Guid.Empty, kept by triggers on the rollup) are the sums of every owner's, per day.
        var organisationRaw = $"SELECT r.day, SUM(r.due) AS due, SUM(r.open_due) AS open_due, SUM(r.completed) AS completed, SUM(r.on_time) AS on_time FROM ({raw}) r GROUP BY r.day";
        const string organisationRolled = """
            SELECT day, due, open_due, completed, completed_on_time FROM follow_up_days
            WHERE owner_id = @Organisation AND (due <> 0 OR open_due <> 0 OR completed <> 0 OR completed_on_time <> 0)
            """;
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({organisationRaw} EXCEPT {organisationRolled}) d", new { Organisation = Guid.Empty }));
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({organisationRolled} EXCEPT {organisationRaw}) d", new { Organisation = Guid.Empty }));
        Assert.Equal(0, await Count(connection, """
            SELECT COUNT(*) FROM stage_moves m
            WHERE m.follow_ups_in_stage <> (
                SELECT COUNT(*) FROM stage_moves p JOIN follow_ups f ON f.opportunity_id = p.opportunity_id
                WHERE p.opportunity_id = m.opportunity_id AND p.move_number = m.move_number - 1
                  AND f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at >= p.occurred_at AND f.completed_at < m.occurred_at)
            """));
        Assert.Equal(0, await Count(connection, """
            SELECT COUNT(*) FROM opportunities o
            WHERE o.follow_ups_at_close <> (
                SELECT COUNT(*) FROM follow_ups f
                WHERE f.opportunity_id = o.id AND f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at <= o.closed_at)
            """));
    }

    /// <summary>The stores' figures per span against the definitions counted straight from follow_ups.</summary>
    private async Task AssertFiguresMatchAsync(System.Data.Common.DbConnection connection)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await connection.QuerySingleAsync<string>("SELECT time_zone FROM metric_calendar_zone"));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);
        var activity = new ActivityMetricsStore(Connections);
        var followUps = new FollowUpMetricsStore(Connections, new FixedClock(Now));
        foreach (var (from, to, bucket) in new[] { (today.AddDays(-45), today.AddDays(10), Bucket.Week), (today.AddDays(-3), today.AddDays(1), Bucket.Day) })
        {
            var scope = MetricScope.Create(MetricSubject.Organisation, null, from, to, bucket, zone);
            foreach (var now in new[] { Now, Now.AddDays(-2).AddHours(-5), Now.AddDays(3) })
            {
                var counts = await activity.CountAsync(scope, now, Cancellation);
                Assert.True(now != Now || counts[0].FollowUpsOverdue > 0);
                foreach (var span in scope.Spans)
                {
                    var window = new { From = span.FromUtc, To = span.ToUtc, now };
                    var figures = counts.GetValueOrDefault(span.Index);
                    Assert.Equal(await Count(connection, "SELECT COUNT(*) FROM follow_ups WHERE deleted_at IS NULL AND status <> 'cancelled' AND due_at >= @From AND due_at < @To", window), figures?.FollowUpsDue ?? 0);
                    Assert.Equal(await Count(connection, "SELECT COUNT(*) FROM follow_ups WHERE deleted_at IS NULL AND status = 'completed' AND completed_at >= @From AND completed_at < @To", window), figures?.FollowUpsCompleted ?? 0);
                    Assert.Equal(await Count(connection, "SELECT COUNT(*) FROM follow_ups WHERE deleted_at IS NULL AND status = 'open' AND due_at >= @From AND due_at < @To AND due_at < @now", window), figures?.FollowUpsOverdue ?? 0);
                }
            }

            var rows = await followUps.ReadAsync(scope, Cancellation);
            foreach (var span in scope.Spans)
            {
                var window = new { From = span.FromUtc, To = span.ToUtc };
                var completed = rows.Completed.GetValueOrDefault(span.Index);
                Assert.Equal(await Count(connection, "SELECT COUNT(*) FROM follow_ups WHERE deleted_at IS NULL AND status = 'completed' AND completed_at >= @From AND completed_at < @To", window), completed?.Completed ?? 0);
                Assert.Equal(await Count(connection, "SELECT COUNT(*) FROM follow_ups WHERE deleted_at IS NULL AND status = 'completed' AND completed_at >= @From AND completed_at < @To AND completed_at <= due_at", window), completed?.OnTime ?? 0);
            }
        }
    }

    private Task Execute(System.Data.Common.DbConnection connection, string sql, object? parameters = null) =>
        connection.ExecuteAsync(new CommandDefinition(sql.Replace("{pick}", Pick, StringComparison.Ordinal), parameters, cancellationToken: Cancellation));

    /// <summary>A pseudo-random pick of rows that reads the same on both databases: the last hex digit of the id (ids are UUIDv7: the first digits are a timestamp).</summary>
    private string Pick => Connections.Dialect == SqlDialect.Sqlite ? "LOWER(SUBSTR(CAST(id AS VARCHAR(36)), 36, 1))" : "LOWER(SUBSTRING(CAST(id AS VARCHAR(36)), 36, 1))";

    private static async Task<long> Count(System.Data.Common.DbConnection connection, string sql, object? parameters = null) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: Cancellation));
}

public sealed class SqliteFollowUpRollupTests(SqliteDatabase database)
    : FollowUpRollupTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerFollowUpRollupTests(SqlServerDatabase database)
    : FollowUpRollupTests(database), IClassFixture<SqlServerDatabase>;
