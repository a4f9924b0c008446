using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCrm.Infrastructure.Auth;
using SalesCrm.Infrastructure.Demo;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// The generated history must obey the same invariants the API keeps, or metrics computed on it would be measuring
/// impossible data: every deal's current stage is where its last move went, closed deals are in Won or Lost, moves
/// are numbered and ordered, links point at the rep's own records, nothing happens in the future. A class of its own,
/// so its database holds only what the generator wrote (the rollup tests edit records in ways no generator would).
/// </summary>
public abstract class GeneratedHistoryInvariantsTests(TestDatabase database) : DatabaseTests(database)
{
    private static readonly GeneratorProfile Tiny = GeneratorProfile.Small with { Teams = 1, RepsPerTeam = 2, Days = 120, Seed = 7 };

    [Fact]
    public async Task Generated_history_keeps_the_api_invariants()
    {
        var clock = new FixedClock(Now);
        await using var connection = await Connections.OpenAsync(Cancellation);
        var movesBefore = await Count(connection, "SELECT COUNT(*) FROM stage_moves");
        var counts = await new SalesHistoryGenerator(Connections, new IdentityPasswordHasher(), clock, NullLogger<SalesHistoryGenerator>.Instance)
            .GenerateAsync(Tiny, reps: null, Cancellation);

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

    private static async Task<long> Count(System.Data.Common.DbConnection connection, string sql, object? parameters = null) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: Cancellation));
}

public sealed class SqliteGeneratedHistoryInvariantsTests(SqliteDatabase database)
    : GeneratedHistoryInvariantsTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerGeneratedHistoryInvariantsTests(SqlServerDatabase database)
    : GeneratedHistoryInvariantsTests(database), IClassFixture<SqlServerDatabase>;
