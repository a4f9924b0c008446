using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCrm.Infrastructure.Auth;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Demo;
using SalesCrm.Infrastructure.Metrics;
using SalesCrm.Infrastructure.Metrics.Rollups;
using SalesCrm.Infrastructure.Opportunities;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// opportunity_days and opportunity_open_totals must agree with the records under every write the API makes: a
/// generated history, then wins, losses, reopenings, reassignments, amount changes, soft-deletes and restores through
/// the opportunity store's own statements, compared per owner and pipeline with the raw definitions over several windows
/// (created, won, won amount, lost by local day; open at the start of a day from the stage history), and again after a rebuild.
/// </summary>
public abstract class OpportunityDayRollupTests(TestDatabase database) : DatabaseTests(database)
{
    private static readonly GeneratorProfile Tiny = GeneratorProfile.Small with { Teams = 1, RepsPerTeam = 2, Days = 300, Seed = 5 };

    private static readonly (string From, string To)[] Windows =
        [("2024-01-01", "2025-07-01"), ("2024-10-01", "2025-01-01"), ("2024-12-02", "2024-12-03"), ("2025-03-10", "2025-04-10"), ("2025-05-01", "2025-05-15"), ("2025-05-20", "2025-05-21"), ("2025-06-01", "2025-06-09")];

    private static readonly string[] OpenDays = ["2024-01-01", "2024-09-01", "2024-11-01", "2024-12-15", "2025-03-15", "2025-04-01", "2025-05-01", "2025-05-16", "2025-06-02", "2025-06-03", "2025-06-10", "2026-01-01"];

    /// <summary>Each figure: the raw instant that places a deal in a window, which deals count, what each adds, and its rollup column.</summary>
    private static readonly (string Instant, string Condition, string Value, string Column)[] Figures =
    [
        ("created_at", "1 = 1", "1", "created"),
        ("closed_at", "o.outcome = 'won'", "1", "won"),
        ("closed_at", "o.outcome = 'won'", "o.amount", "won_amount"),
        ("closed_at", "o.outcome = 'lost'", "1", "lost"),
    ];

    [Fact]
    public async Task The_opportunity_rollups_agree_with_the_records_after_moves_reassignments_and_deletes()
    {
        await new SalesHistoryGenerator(Connections, new IdentityPasswordHasher(), new FixedClock(Now), NullLogger<SalesHistoryGenerator>.Instance)
            .GenerateAsync(Tiny, reps: null, HistoryWrites.ThroughTriggers, Cancellation);
        await using var connection = await Connections.OpenAsync(Cancellation);
        var won = await Count(connection, "SELECT COUNT(*) FROM opportunities WHERE outcome = 'won'");
        var lost = await Count(connection, "SELECT COUNT(*) FROM opportunities WHERE outcome = 'lost'");
        var all = await Count(connection, "SELECT COUNT(*) FROM opportunities");
        Assert.True(won > 5 && lost > 5 && all - won - lost > 5, $"{all} opportunities: {won} won, {lost} lost");
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM opportunity_open_totals WHERE open_count > 0") > 0);
        await AssertRollupsMatchAsync(connection);

        await EditAsync(connection);
        await AssertRollupsMatchAsync(connection);

        foreach (var statement in DayRollups.Rebuild)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement.For(Connections.Dialect), cancellationToken: Cancellation));
        }

        await AssertRollupsMatchAsync(connection);

        // A zone change rebuilds the calendar and every rollup in one transaction: local days move, the figures follow.
        var (zoneConnection, transaction) = await Connections.BeginWriteAsync(Cancellation);
        await using (zoneConnection)
        await using (transaction)
        {
            await MetricCalendar.EnsureAsync(new WriteScope(zoneConnection, transaction, Connections.Dialect, Cancellation), "Pacific/Auckland");
            await transaction.CommitAsync(Cancellation);
        }

        await AssertRollupsMatchAsync(connection);
    }

    /// <summary>Every seventh deal gets one kind of write, through the statements the opportunity store runs.</summary>
    private async Task EditAsync(System.Data.Common.DbConnection connection)
    {
        var dialect = Connections.Dialect;
        var deals = (await connection.QueryAsync<Deal>(new CommandDefinition("""
            SELECT o.id AS Id, o.version AS Version, o.pipeline_id AS PipelineId, o.stage_id AS StageId, o.outcome AS Outcome,
                   o.owner_id AS OwnerId, o.stage_entered_at AS StageEnteredAt
            FROM opportunities o WHERE o.deleted_at IS NULL ORDER BY o.id
            """, cancellationToken: Cancellation))).ToList();
        var stages = (await connection.QueryAsync<StageRow>(new CommandDefinition(
            "SELECT id AS Id, pipeline_id AS PipelineId, kind AS Kind FROM stages WHERE archived_at IS NULL ORDER BY position", cancellationToken: Cancellation))).ToList();
        var owners = deals.Select(d => d.OwnerId).Distinct().Order().ToList();
        var lostReason = await connection.ExecuteScalarAsync<Guid>(new CommandDefinition("SELECT MIN(id) FROM lost_reasons", cancellationToken: Cancellation));
        Guid Stage(Guid pipeline, string kind) => stages.First(s => s.PipelineId == pipeline && s.Kind == kind).Id;

        async Task MoveAsync(Deal deal, string kind, DateTimeOffset at)
        {
            var to = Stage(deal.PipelineId, kind);
            var closed = kind != "open";
            await connection.ExecuteAsync(OpportunityStore.ApplyMove.For(dialect), new
            {
                OpportunityId = deal.Id, ToStageId = to, OccurredAt = at, ClosedAt = closed ? at : (DateTimeOffset?)null,
                Outcome = closed ? kind : null, LostReasonId = kind == "lost" ? lostReason : (Guid?)null, Competitor = (string?)null,
                ExpectedVersion = deal.Version,
            });
            await connection.ExecuteAsync(OpportunityStore.AppendMove.For(dialect), new
            {
                Id = Guid.NewGuid(), OpportunityId = deal.Id, FromStageId = deal.StageId, ToStageId = to, OccurredAt = at,
                MovedBy = deal.OwnerId, RecordedAt = Now, LostReasonId = kind == "lost" ? lostReason : (Guid?)null,
            });
        }

        for (var i = 0; i < deals.Count; i++)
        {
            var deal = deals[i];
            var later = deal.StageEnteredAt.AddDays(3);
            switch (i % 7)
            {
                case 0:
                    await connection.ExecuteAsync(OpportunityStore.SetDeleted.For(dialect), new { DeletedAt = Now, DeletedBy = deal.OwnerId, deal.Id });
                    break;
                case 1 when deal.Outcome is not null:
                    await MoveAsync(deal, "open", later);
                    break;
                case 2 when deal.Outcome is null:
                    await MoveAsync(deal, "won", later);
                    break;
                case 3:
                    await connection.ExecuteAsync(OpportunityStore.SetOwner.For(dialect), new
                    {
                        ToOwnerId = owners[(owners.IndexOf(deal.OwnerId) + 1) % owners.Count], OpportunityId = deal.Id, ExpectedVersion = deal.Version,
                    });
                    break;
                case 4:
                    await connection.ExecuteAsync("UPDATE opportunities SET amount = amount + 125 WHERE id = @Id", new { deal.Id });
                    break;
                case 5 when deal.Outcome == "lost":
                    await connection.ExecuteAsync("UPDATE opportunities SET competitor = 'Other CRM', lost_reason_id = NULL WHERE id = @Id", new { deal.Id });
                    break;
                case 5 when deal.Outcome is null:
                    await MoveAsync(deal, "lost", later);
                    break;
                case 6 when deal.Outcome == "lost":
                    await MoveAsync(deal, "open", later);
                    break;
            }
        }

        // Restore half of the deleted deals: they count again, with their whole history.
        foreach (var deal in deals.Where((_, i) => i % 14 == 0))
        {
            await connection.ExecuteAsync(OpportunityStore.SetDeleted.For(dialect), new { DeletedAt = (DateTimeOffset?)null, DeletedBy = (Guid?)null, deal.Id });
        }
    }

    /// <summary>Every owner's rows, and the organisation's rows (owner <see cref="Guid.Empty"/>: the sum of all owners), equal the records.</summary>
    private static async Task AssertRollupsMatchAsync(System.Data.Common.DbConnection connection)
    {
        foreach (var organisation in new[] { false, true })
        {
            await AssertRollupsMatchAsync(connection, organisation);
        }
    }

    private static async Task AssertRollupsMatchAsync(System.Data.Common.DbConnection connection, bool organisation)
    {
        // Per owner: the owners' rows against each owner's records; organisation: its rows against everyone's records.
        var owner = organisation ? "@Organisation" : "o.owner_id";
        var totalsOwner = organisation ? "@Organisation" : "t.owner_id";
        var rows = organisation ? "d.owner_id = @Organisation" : "d.owner_id <> @Organisation";
        var scope = organisation ? "organisation" : "owner";
        foreach (var (from, to) in Windows)
        {
            foreach (var (instant, condition, value, column) in Figures)
            {
                var mismatches = await Count(connection, $"""
                    SELECT COUNT(*) FROM (
                        SELECT k.owner_id FROM (
                            SELECT {owner} AS owner_id, o.pipeline_id, {value} AS n FROM opportunities o
                            WHERE o.deleted_at IS NULL AND {condition}
                              AND o.{instant} >= (SELECT starts_at FROM metric_calendar WHERE day = @From)
                              AND o.{instant} < (SELECT starts_at FROM metric_calendar WHERE day = @To)
                            UNION ALL
                            SELECT d.owner_id, d.pipeline_id, -d.{column} FROM opportunity_days d WHERE d.day >= @From AND d.day < @To AND {rows}) k
                        GROUP BY k.owner_id, k.pipeline_id
                        HAVING SUM(k.n) <> 0) x
                    """, new { From = from, To = to, Organisation = Guid.Empty });
                Assert.True(mismatches == 0, $"{column} in {from}..{to}: {mismatches} {scope}/pipeline pairs disagree");
            }
        }

        foreach (var (from, to) in Windows)
        {
            // Lost deals and their amounts per reason and competitor (lost_reason_days, migration 0019).
            var mismatches = await Count(connection, $"""
                SELECT COUNT(*) FROM (
                    SELECT k.owner_id FROM (
                        SELECT {owner} AS owner_id, o.pipeline_id, COALESCE(o.lost_reason_id, @Organisation) AS lost_reason_id,
                               COALESCE(o.competitor, '') AS competitor, 1 AS n, o.amount AS amount
                        FROM opportunities o
                        WHERE o.deleted_at IS NULL AND o.outcome = 'lost'
                          AND o.closed_at >= (SELECT starts_at FROM metric_calendar WHERE day = @From)
                          AND o.closed_at < (SELECT starts_at FROM metric_calendar WHERE day = @To)
                        UNION ALL
                        SELECT d.owner_id, d.pipeline_id, d.lost_reason_id, d.competitor, -d.lost, -d.lost_amount
                        FROM lost_reason_days d WHERE d.day >= @From AND d.day < @To AND {rows}) k
                    GROUP BY k.owner_id, k.pipeline_id, k.lost_reason_id, k.competitor
                    HAVING SUM(k.n) <> 0 OR SUM(k.amount) <> 0) x
                """, new { From = from, To = to, Organisation = Guid.Empty });
            Assert.True(mismatches == 0, $"lost reasons in {from}..{to}: {mismatches} {scope} groups disagree");
        }

        foreach (var day in OpenDays)
        {
            // The results store's definition: created before the instant, and the last move before it entered an open stage.
            var mismatches = await Count(connection, $"""
                SELECT COUNT(*) FROM (
                    SELECT k.owner_id FROM (
                        SELECT {owner} AS owner_id, o.pipeline_id, 1 AS n FROM opportunities o
                        WHERE o.deleted_at IS NULL AND o.created_at < (SELECT starts_at FROM metric_calendar WHERE day = @Day)
                          AND EXISTS (SELECT 1 FROM stage_moves m JOIN stages st ON st.id = m.to_stage_id
                                      WHERE m.opportunity_id = o.id AND st.kind = 'open'
                                        AND m.move_number = (SELECT MAX(m2.move_number) FROM stage_moves m2 WHERE m2.opportunity_id = o.id
                                                               AND m2.occurred_at < (SELECT starts_at FROM metric_calendar WHERE day = @Day)))
                        UNION ALL
                        SELECT {totalsOwner} AS owner_id, t.pipeline_id, -t.open_count FROM opportunity_open_totals t
                        UNION ALL
                        SELECT d.owner_id, d.pipeline_id, d.opened - d.closed FROM opportunity_days d WHERE d.day >= @Day AND {rows}) k
                    GROUP BY k.owner_id, k.pipeline_id
                    HAVING SUM(k.n) <> 0) x
                """, new { Day = day, Organisation = Guid.Empty });
            Assert.True(mismatches == 0, $"open at {day}: {mismatches} {scope}/pipeline pairs disagree");
        }
    }

    private static async Task<long> Count(System.Data.Common.DbConnection connection, string sql, object? parameters = null) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: Cancellation));

    private sealed class Deal
    {
        public Guid Id { get; init; }

        public int Version { get; init; }

        public Guid PipelineId { get; init; }

        public Guid StageId { get; init; }

        public string? Outcome { get; init; }

        public Guid OwnerId { get; init; }

        public DateTimeOffset StageEnteredAt { get; init; }
    }

    private sealed class StageRow
    {
        public Guid Id { get; init; }

        public Guid PipelineId { get; init; }

        public string Kind { get; init; } = "";
    }
}

public sealed class SqliteOpportunityDayRollupTests(SqliteDatabase database)
    : OpportunityDayRollupTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerOpportunityDayRollupTests(SqlServerDatabase database)
    : OpportunityDayRollupTests(database), IClassFixture<SqlServerDatabase>;
