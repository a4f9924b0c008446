using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCrm.Infrastructure.Auth;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Demo;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// The generator's day rollups against the activities they summarise, and the same seed making the same history.
/// </summary>
public abstract class SalesHistoryGeneratorTests(TestDatabase database) : GeneratedHistoryTests(database)
{
    [Fact]
    public async Task The_day_rollups_agree_with_the_activities_after_inserts_updates_and_deletes()
    {
        await using var connection = await GenerateAsync(Tiny with { Days = 40 }, HistoryWrites.ThroughTriggers);
        await AssertRollupsMatchAsync(connection);

        string Portable(string sql) => Connections.Dialect == SqlDialect.Sqlite ? sql.Replace("SUBSTRING", "SUBSTR", StringComparison.Ordinal) : sql;

        // Soft-delete every fifth call, turn some no-answers into connected calls, restore a few: the triggers follow.
        // (A pseudo-random pick of rows that reads the same on both databases: the id's first hex digit.)
        var now = Now;
        await connection.ExecuteAsync(Portable("UPDATE activities SET deleted_at = @now WHERE type = 'call' AND SUBSTRING(CAST(id AS VARCHAR(36)), 1, 1) IN ('0', '1', '2', '3')"), new { now });
        await connection.ExecuteAsync("UPDATE activities SET outcome = 'connected' WHERE type = 'call' AND outcome = 'no_answer' AND deleted_at IS NULL");
        await connection.ExecuteAsync(Portable("UPDATE activities SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND SUBSTRING(CAST(id AS VARCHAR(36)), 1, 1) = '0'"));
        // Hard-delete some lead activities and unlink others from their lead: the leads' first activity follows.
        await connection.ExecuteAsync(Portable("UPDATE follow_ups SET fulfilled_by_activity_id = NULL WHERE fulfilled_by_activity_id IN (SELECT id FROM activities WHERE lead_id IS NOT NULL AND SUBSTRING(CAST(id AS VARCHAR(36)), 1, 1) = 'f')"));
        await connection.ExecuteAsync(Portable("DELETE FROM activities WHERE lead_id IS NOT NULL AND SUBSTRING(CAST(id AS VARCHAR(36)), 1, 1) = 'f'"));
        await connection.ExecuteAsync(Portable("UPDATE activities SET lead_id = NULL WHERE lead_id IS NOT NULL AND SUBSTRING(CAST(id AS VARCHAR(36)), 1, 1) = 'e'"));
        await AssertRollupsMatchAsync(connection);
    }

    private static async Task AssertRollupsMatchAsync(System.Data.Common.DbConnection connection)
    {
        // Each lead's first logged activity (kept by triggers on activities) is the earliest of its live activities.
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM leads WHERE first_activity_at IS NOT NULL") > 0);
        Assert.Equal(0, await Count(connection, """
            SELECT COUNT(*) FROM leads l
            LEFT JOIN (SELECT a.lead_id, MIN(a.occurred_at) AS first_at FROM activities a
                       WHERE a.lead_id IS NOT NULL AND a.deleted_at IS NULL GROUP BY a.lead_id) f ON f.lead_id = l.id
            WHERE (l.first_activity_at IS NULL AND f.first_at IS NOT NULL) OR (l.first_activity_at IS NOT NULL AND f.first_at IS NULL)
               OR l.first_activity_at <> f.first_at
            """));

        const string raw = """
            SELECT SUM(CASE WHEN type = 'call' AND direction = 'outbound' THEN 1 ELSE 0 END) AS OutboundCalls,
                   SUM(CASE WHEN type = 'call' AND outcome = 'connected' THEN 1 ELSE 0 END) AS ConnectedCalls,
                   SUM(CASE WHEN type = 'email' AND direction = 'outbound' AND replied_at IS NOT NULL THEN 1 ELSE 0 END) AS EmailReplies,
                   SUM(CASE WHEN type = 'meeting' THEN 1 ELSE 0 END) AS MeetingsBooked,
                   SUM(CASE WHEN type = 'meeting' AND outcome = 'held' THEN 1 ELSE 0 END) AS MeetingsHeld,
                   SUM(CASE WHEN type = 'note' THEN 1 ELSE 0 END) AS Notes,
                   COUNT(*) AS Activities
            FROM activities WHERE deleted_at IS NULL
            """;
        const string rolled = """
            SELECT SUM(outbound_calls) AS OutboundCalls, SUM(connected_calls) AS ConnectedCalls, SUM(email_replies) AS EmailReplies,
                   SUM(meetings_booked) AS MeetingsBooked, SUM(meetings_held) AS MeetingsHeld, SUM(notes) AS Notes,
                   SUM(outbound_calls + inbound_calls + emails_sent + emails_received + meetings + notes) AS Activities
            FROM activity_days
            WHERE owner_id <> @Organisation
            """;
        const string organisation = """
            SELECT SUM(outbound_calls) AS OutboundCalls, SUM(connected_calls) AS ConnectedCalls, SUM(email_replies) AS EmailReplies,
                   SUM(meetings_booked) AS MeetingsBooked, SUM(meetings_held) AS MeetingsHeld, SUM(notes) AS Notes,
                   SUM(outbound_calls + inbound_calls + emails_sent + emails_received + meetings + notes) AS Activities
            FROM activity_days
            WHERE owner_id = @Organisation
            """;
        var expected = await connection.QuerySingleAsync<Totals>(raw);
        Assert.Equal(expected, await connection.QuerySingleAsync<Totals>(rolled, new { Organisation = Guid.Empty }));
        Assert.Equal(expected, await connection.QuerySingleAsync<Totals>(organisation, new { Organisation = Guid.Empty }));
        Assert.Equal(0, await Count(connection, """
            SELECT COUNT(*) FROM activity_days o
            WHERE o.owner_id = @Organisation
              AND o.outbound_calls + o.inbound_calls + o.emails_sent + o.meetings_booked + o.notes
                  <> (SELECT SUM(d.outbound_calls + d.inbound_calls + d.emails_sent + d.meetings_booked + d.notes)
                      FROM activity_days d WHERE d.day = o.day AND d.owner_id <> @Organisation)
            """, new { Organisation = Guid.Empty }));
        Assert.Equal(0, await Count(connection, """
            SELECT COUNT(*) FROM (
                SELECT a.owner_id, COUNT(*) AS n FROM activities a WHERE a.deleted_at IS NULL AND a.type = 'call'
                  AND a.occurred_at >= (SELECT starts_at FROM metric_calendar WHERE day = '2025-05-01')
                  AND a.occurred_at < (SELECT starts_at FROM metric_calendar WHERE day = '2025-05-15')
                GROUP BY a.owner_id) r
            LEFT JOIN (SELECT owner_id, SUM(outbound_calls + inbound_calls) AS n FROM activity_days
                       WHERE day >= '2025-05-01' AND day < '2025-05-15' AND owner_id <> @Organisation GROUP BY owner_id) d ON d.owner_id = r.owner_id
            WHERE d.n IS NULL OR d.n <> r.n
            """, new { Organisation = Guid.Empty }));
    }

    private sealed record Totals(long OutboundCalls, long ConnectedCalls, long EmailReplies, long MeetingsBooked, long MeetingsHeld, long Notes, long Activities);

    [Fact]
    public async Task The_same_seed_makes_the_same_history()
    {
        static GeneratorProfile Seeded(int seed) => Tiny with { Days = 30, Seed = seed };
        var generator = new SalesHistoryGenerator(Connections, new IdentityPasswordHasher(), new FixedClock(Now), NullLogger<SalesHistoryGenerator>.Instance);

        var reps = await GeneratedRepsAsync();
        if (reps.Count == 0)
        {
            await generator.GenerateAsync(Seeded(1) with { Days = 1 }, reps: null, Cancellation);
            reps = await GeneratedRepsAsync();
        }

        var first = await generator.GenerateAsync(Seeded(11), reps, Cancellation);
        var second = await generator.GenerateAsync(Seeded(11), reps, Cancellation);
        var third = await generator.GenerateAsync(Seeded(12), reps, Cancellation);

        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
    }
}

public sealed class SqliteSalesHistoryGeneratorTests(SqliteDatabase database)
    : SalesHistoryGeneratorTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerSalesHistoryGeneratorTests(SqlServerDatabase database)
    : SalesHistoryGeneratorTests(database), IClassFixture<SqlServerDatabase>;
