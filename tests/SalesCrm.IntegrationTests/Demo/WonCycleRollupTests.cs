using Dapper;
using SalesCrm.Application.Forecasts;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Forecasts;
using SalesCrm.Infrastructure.Metrics;
using SalesCrm.Infrastructure.Metrics.Rollups;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// won_cycle_days and the forecast's reads from it against the won deals, on a generated history.
/// </summary>
public abstract class WonCycleRollupTests(TestDatabase database) : GeneratedHistoryTests(database)
{
    /// <summary>
    /// won_cycle_days (and what the forecast reads from it: won totals, deals per whole day of cycle, the typical cycle)
    /// must equal the won deals themselves: after wins reopened, losses turned into wins, closes and creations moved (into
    /// today, before the creation), deals soft-deleted, restored and reassigned; after its rebuild; and after a zone change,
    /// for the organisation, a team and a rep over windows that start and end inside days.
    /// </summary>
    [Fact]
    public async Task The_won_cycle_rollup_agrees_with_the_won_deals_after_edits()
    {
        await using var connection = await GenerateAsync(Tiny with { Days = 150, Seed = 53 });
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM won_cycle_days WHERE won > 0 AND owner_id <> @Organisation", new { Organisation = Guid.Empty }) > 5);
        await AssertWonCyclesMatchAsync(connection, TimeZoneInfo.Utc);

        Task Execute(string sql, object? parameters = null) => EditAsync(connection, sql, parameters);
        var now = Now;
        await Execute("UPDATE opportunities SET outcome = NULL, closed_at = NULL WHERE outcome = 'won' AND {pick} = '0'");
        await Execute("UPDATE opportunities SET outcome = 'won' WHERE outcome = 'lost' AND {pick} IN ('1', '2')");
        await Execute("UPDATE opportunities SET created_at = closed_at WHERE outcome = 'won' AND {pick} = '3'");
        await Execute("UPDATE opportunities SET deleted_at = @now WHERE {pick} IN ('4', '5')", new { now });
        await Execute("UPDATE opportunities SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND {pick} = '4'");
        await Execute("UPDATE opportunities SET owner_id = (SELECT MIN(CAST(id AS VARCHAR(36))) FROM users WHERE role = 'rep') WHERE {pick} = '6'");
        await Execute("UPDATE opportunities SET closed_at = @at WHERE outcome = 'won' AND {pick} = '7'", new { at = now.AddHours(-2) });
        await Execute("UPDATE opportunities SET created_at = @at WHERE outcome = 'won' AND {pick} = '8'", new { at = now.AddMinutes(-5) });
        await Execute("UPDATE opportunities SET closed_at = @at, outcome = 'won' WHERE outcome = 'lost' AND {pick} = '9'", new { at = now.AddDays(-40).AddHours(-7) });
        await AssertWonCyclesMatchAsync(connection, TimeZoneInfo.Utc);

        // Its rebuild (a version bump) recomputes it from the deals alone.
        await Execute("UPDATE won_cycle_days SET won = won + 3");
        foreach (var statement in WonCycleDayRollup.Statements)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement.For(Connections.Dialect), cancellationToken: Cancellation));
        }

        await AssertWonCyclesMatchAsync(connection, TimeZoneInfo.Utc);

        // A zone change rebuilds the calendar and every rollup: closes move to other local days, the figures follow.
        var (zoneConnection, transaction) = await Connections.BeginWriteAsync(Cancellation);
        await using (zoneConnection)
        await using (transaction)
        {
            await MetricCalendar.EnsureAsync(new WriteScope(zoneConnection, transaction, Connections.Dialect, Cancellation), "Pacific/Auckland");
            await transaction.CommitAsync(Cancellation);
        }

        await AssertWonCyclesMatchAsync(connection, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland"));
    }

    private async Task AssertWonCyclesMatchAsync(System.Data.Common.DbConnection connection, TimeZoneInfo zone)
    {
        var cycleDays = Connections.Dialect == SqlDialect.Sqlite
            ? "CASE WHEN o.closed_at > o.created_at THEN (o.closed_at - o.created_at) / 86400000 ELSE 0 END"
            : "CAST(CASE WHEN o.closed_at > o.created_at THEN DATEDIFF_BIG(millisecond, o.created_at, o.closed_at) / 86400000 ELSE 0 END AS INT)";
        var raw = $"""
            SELECT w.owner_id, c.day, w.pipeline_id, w.cycle_days, COUNT(*) AS won
            FROM (SELECT o.owner_id, o.pipeline_id, o.closed_at, {cycleDays} AS cycle_days
                  FROM opportunities o WHERE o.outcome = 'won' AND o.deleted_at IS NULL) w
            JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= w.closed_at)
            GROUP BY w.owner_id, c.day, w.pipeline_id, w.cycle_days
            """;
        const string rolled = "SELECT owner_id, day, pipeline_id, cycle_days, won FROM won_cycle_days WHERE owner_id <> @Organisation AND won <> 0";
        var organisationRaw = $"SELECT r.day, r.pipeline_id, r.cycle_days, SUM(r.won) AS won FROM ({raw}) r GROUP BY r.day, r.pipeline_id, r.cycle_days";
        const string organisationRolled = "SELECT day, pipeline_id, cycle_days, won FROM won_cycle_days WHERE owner_id = @Organisation AND won <> 0";
        var organisation = new { Organisation = Guid.Empty };
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({raw} EXCEPT {rolled}) d", organisation));
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({rolled} EXCEPT {raw}) d", organisation));
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({organisationRaw} EXCEPT {organisationRolled}) d", organisation));
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({organisationRolled} EXCEPT {organisationRaw}) d", organisation));

        // What the forecast reads, against the won deals it stands for, for windows ending at several instants.
        var store = new ForecastStore(Connections);
        var calculator = new ForecastCalculator(store);
        var rep = await connection.QueryFirstAsync<Guid>(new CommandDefinition(
            "SELECT owner_id FROM opportunities WHERE outcome = 'won' AND deleted_at IS NULL GROUP BY owner_id ORDER BY COUNT(*) DESC, owner_id",
            cancellationToken: Cancellation));
        var team = await connection.QueryFirstAsync<Guid>(new CommandDefinition("SELECT team_id FROM users WHERE id = @rep", new { rep }, cancellationToken: Cancellation));
        foreach (var subject in new[] { MetricSubject.Organisation, new MetricSubject(team, null), new MetricSubject(null, rep) })
        {
            foreach (var asOf in new[] { Now, Now.AddDays(-17).AddHours(-5.5), Now.AddDays(-61).AddMinutes(-7), Now.AddDays(-200) })
            {
                foreach (var from in new[] { asOf.AddMonths(-12), asOf.AddDays(-30).AddHours(3), asOf.AddHours(-20) })
                {
                    var won = await store.WonDealsAsync(subject, null, from, asOf, Cancellation);
                    var total = await store.WonTotalAsync(subject, null, from, asOf, zone, Cancellation);
                    Assert.Equal(DealTotal.Of(won.Select(d => d.Amount)), total);
                    var perDay = won.GroupBy(d => Math.Max(0, (d.ClosedAt - d.CreatedAt).Ticks) / TimeSpan.TicksPerDay)
                        .Select(g => new CycleDayCount(g.Key, g.Count())).OrderBy(d => d.Days).ToList();
                    var read = (await store.CycleDaysAsync(subject, null, from, asOf, zone, Cancellation)).Where(d => d.Deals != 0).OrderBy(d => d.Days).ToList();
                    Assert.Equal(perDay, read);
                }

                var request = new ForecastRequest(
                    subject, null, Domain.Forecasts.ForecastPeriod.Quarter, new DateOnly(2025, 4, 1), zone, asOf, HistoricalInputs.Defaults);
                var cycleWon = await store.WonDealsAsync(subject, null, request.CycleFrom, asOf, Cancellation);
                var cycle = await calculator.CycleAsync(request, Cancellation);
                Assert.Equal(new CycleSummary(cycleWon.Count, Ratio.Median(cycleWon.Select(d => ForecastMath.CycleDays(d.CreatedAt, d.ClosedAt)))), cycle);
            }
        }
    }
}

public sealed class SqliteWonCycleRollupTests(SqliteDatabase database)
    : WonCycleRollupTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerWonCycleRollupTests(SqlServerDatabase database)
    : WonCycleRollupTests(database), IClassFixture<SqlServerDatabase>;
