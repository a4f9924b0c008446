using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCrm.Infrastructure.Auth;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Demo;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// The generated history must obey the same invariants the API keeps, or metrics computed on it would be measuring
/// impossible data: every deal's current stage is where its last move went, closed deals are in Won or Lost, moves
/// are numbered and ordered, links point at the rep's own records, nothing happens in the future.
/// </summary>
public abstract class SalesHistoryGeneratorTests(TestDatabase database) : DatabaseTests(database)
{
    private static readonly GeneratorProfile Tiny = GeneratorProfile.Small with { Teams = 1, RepsPerTeam = 2, Days = 120, Seed = 7 };

    [Fact]
    public async Task Generated_history_keeps_the_api_invariants()
    {
        var clock = new FixedClock(Now);
        await using var connection = await Connections.OpenAsync(Cancellation);
        var movesBefore = await Count(connection, "SELECT COUNT(*) FROM stage_moves"); // the class's tests share a database, in any order
        var counts = await new SalesHistoryGenerator(Connections, new IdentityPasswordHasher(), clock, NullLogger<SalesHistoryGenerator>.Instance)
            .GenerateAsync(Tiny, await GeneratedRepsAsync() is { Count: > 0 } reps ? reps : null, Cancellation);

        Assert.True(counts.Opportunities > 20 && counts.Activities > 1000, counts.ToString());
        Assert.Equal(counts.StageMoves, await Count(connection, "SELECT COUNT(*) FROM stage_moves") - movesBefore);
        Assert.Equal(0, await Count(connection, """
            SELECT COUNT(*) FROM opportunities o
            WHERE o.stage_id <> (SELECT m.to_stage_id FROM stage_moves m WHERE m.opportunity_id = o.id
                                 AND m.move_number = (SELECT MAX(x.move_number) FROM stage_moves x WHERE x.opportunity_id = o.id))
               OR o.stage_entered_at <> (SELECT MAX(m.occurred_at) FROM stage_moves m WHERE m.opportunity_id = o.id)
            """));
        Assert.Equal(0, await Count(connection, """
            SELECT COUNT(*) FROM opportunities o JOIN stages s ON s.id = o.stage_id
            WHERE (s.kind = 'open') <> (o.outcome IS NULL) OR (s.kind <> 'open' AND s.kind <> o.outcome)
               OR (o.outcome IS NULL) <> (o.closed_at IS NULL) OR (o.outcome = 'lost' AND o.lost_reason_id IS NULL)
            """));
        Assert.Equal(0, await Count(connection, """
            SELECT COUNT(*) FROM stage_moves a JOIN stage_moves b ON b.opportunity_id = a.opportunity_id AND b.move_number = a.move_number + 1
            WHERE b.occurred_at < a.occurred_at OR b.from_stage_id <> a.to_stage_id
            """));
        Assert.Equal(0, await Count(connection, "SELECT COUNT(*) FROM stage_moves WHERE (move_number = 1) <> (from_stage_id IS NULL)"));
        Assert.Equal(0, await Count(connection, """
            SELECT COUNT(*) FROM activities a LEFT JOIN opportunities o ON o.id = a.opportunity_id LEFT JOIN leads l ON l.id = a.lead_id
            WHERE (o.id IS NOT NULL AND (o.owner_id <> a.owner_id OR a.occurred_at < o.created_at))
               OR (l.id IS NOT NULL AND l.owner_id <> a.owner_id)
            """));
        Assert.Equal(0, await Count(connection, "SELECT COUNT(*) FROM activities WHERE occurred_at > @Now", new { Now }));
        Assert.Equal(0, await Count(connection, "SELECT COUNT(*) FROM stage_moves WHERE occurred_at > @Now", new { Now }));
        Assert.Equal(0, await Count(connection, "SELECT COUNT(*) FROM follow_ups WHERE completed_at > @Now OR due_at < created_at", new { Now }));

        // Quotas: every generated rep has a revenue quota for the current quarter and a deal quota for the current year, each
        // recorded in the quota history as created. 120 days touch 2 or 3 quarters and 1 or 2 years: at least 3 quotas per rep.
        Assert.True(counts.Quotas >= 3 * 2, counts.ToString());
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        Assert.Equal(0, await Count(connection, """
            SELECT COUNT(*) FROM users u
            WHERE u.role = 'rep' AND u.email LIKE '%@generated.example.com'
              AND (NOT EXISTS (SELECT 1 FROM quotas q WHERE q.user_id = u.id AND q.period = 'quarter' AND q.kind = 'revenue'
                                 AND q.period_start <= @Today AND q.period_end > @Today)
                OR NOT EXISTS (SELECT 1 FROM quotas q WHERE q.user_id = u.id AND q.period = 'year' AND q.kind = 'deals'
                                 AND q.period_start <= @Today AND q.period_end > @Today))
            """, new { Today = today }));
        Assert.Equal(0, await Count(connection, """
            SELECT COUNT(*) FROM quotas q
            WHERE NOT EXISTS (SELECT 1 FROM quota_history h WHERE h.quota_id = q.id AND h.change = 'created' AND h.target = q.target)
            """));
    }

    [Fact]
    public async Task The_day_rollups_agree_with_the_activities_after_inserts_updates_and_deletes()
    {
        await new SalesHistoryGenerator(Connections, new IdentityPasswordHasher(), new FixedClock(Now), NullLogger<SalesHistoryGenerator>.Instance)
            .GenerateAsync(Tiny with { Days = 40 }, await GeneratedRepsAsync() is { Count: > 0 } reps ? reps : null, Cancellation);
        await using var connection = await Connections.OpenAsync(Cancellation);
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

    private async Task<List<GeneratedRep>> GeneratedRepsAsync()
    {
        await using var connection = await Connections.OpenAsync(Cancellation);
        return [.. (await connection.QueryAsync<Guid>(new CommandDefinition(
                "SELECT id FROM users WHERE role = 'rep' AND email LIKE 'rep%@generated.example.com' ORDER BY email", cancellationToken: Cancellation)))
            .Select(id => new GeneratedRep(id, null))];
    }

    private static async Task<long> Count(System.Data.Common.DbConnection connection, string sql, object? parameters = null) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: Cancellation));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class SqliteSalesHistoryGeneratorTests(SqliteDatabase database)
    : SalesHistoryGeneratorTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerSalesHistoryGeneratorTests(SqlServerDatabase database)
    : SalesHistoryGeneratorTests(database), IClassFixture<SqlServerDatabase>;
