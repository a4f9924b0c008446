using Dapper;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.SellingTime;
using SalesCrm.Infrastructure.Metrics;
using SalesCrm.Infrastructure.Metrics.Rollups;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// selling_time_days and the selling time read from it against the activities, on a generated history.
/// </summary>
public abstract class SellingTimeRollupTests(TestDatabase database) : GeneratedHistoryTests(database)
{
    /// <summary>
    /// selling_time_days (and the selling time the store reads from it and from today's activities) must equal the sums
    /// over the records: after durations cleared and set, meetings cancelled and restored, activities soft-deleted,
    /// restored, hard-deleted, reassigned, moved in time, retyped and added (today, later today, earlier); and after its rebuild.
    /// </summary>
    [Fact]
    public async Task The_selling_time_rollup_agrees_with_the_activities_after_edits()
    {
        await using var connection = await GenerateAsync(Tiny with { Days = 60, Seed = 43 });
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM selling_time_days WHERE timed > 0 AND call_seconds > 0") > 0);
        await AssertSellingTimeMatchesAsync(connection);

        Task Execute(string sql, object? parameters = null) => EditAsync(connection, sql, parameters);
        var now = Now;
        await Execute("UPDATE activities SET duration_seconds = NULL WHERE type = 'call' AND {pick} IN ('0', '1')");
        await Execute("UPDATE activities SET duration_seconds = 600 WHERE duration_seconds IS NULL AND type IN ('email', 'meeting') AND {pick} = '2'");
        await Execute("UPDATE activities SET duration_seconds = duration_seconds + 7 WHERE duration_seconds < 3600 AND {pick} = '3'");
        await Execute("UPDATE activities SET outcome = 'cancelled' WHERE type = 'meeting' AND {pick} IN ('4', '5')");
        await Execute("UPDATE activities SET outcome = 'held' WHERE outcome = 'cancelled' AND {pick} = '4'");
        await Execute("UPDATE activities SET deleted_at = @now WHERE {pick} IN ('6', '7')", new { now });
        await Execute("UPDATE activities SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND {pick} = '6'");
        await Execute("UPDATE activities SET owner_id = (SELECT MIN(CAST(id AS VARCHAR(36))) FROM users WHERE role = 'rep') WHERE {pick} = '8'");
        await Execute("UPDATE activities SET occurred_at = created_at WHERE {pick} = '9'");
        await Execute("UPDATE activities SET type = 'note' WHERE type = 'email' AND {pick} = 'a'");
        await Execute("UPDATE activities SET type = 'meeting' WHERE type = 'call' AND {pick} = 'b'");
        await Execute("UPDATE follow_ups SET fulfilled_by_activity_id = NULL WHERE fulfilled_by_activity_id IN (SELECT id FROM activities WHERE {pick} = 'c')");
        await Execute("DELETE FROM activities WHERE {pick} = 'c'");
        // Meetings (one cancelled, one untimed) an hour ago, in an hour and two days ago: the clock's rule decides the first two.
        var template = await connection.QueryFirstAsync<Guid>(new CommandDefinition("SELECT id FROM activities ORDER BY id", cancellationToken: Cancellation));
        foreach (var (offset, outcome, duration) in new[] { (-1, "held", (int?)1800), (1, "held", 900), (-1, "cancelled", 1200), (-48, "held", 2400), (-2, "held", null) })
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO activities (id, type, owner_id, team_id, occurred_at, lead_id, contact_id, account_id, opportunity_id, outcome, duration_seconds,
                                        created_at, created_by, version)
                SELECT @Id, 'meeting', a.owner_id, a.team_id, @At, a.lead_id, a.contact_id, a.account_id, a.opportunity_id, @Outcome, @Duration,
                       a.created_at, a.created_by, 1
                FROM activities a WHERE a.id = @template
                """, new { Id = Guid.NewGuid(), At = now.AddHours(offset), Outcome = outcome, Duration = duration, template }, cancellationToken: Cancellation));
        }

        await AssertSellingTimeMatchesAsync(connection);

        // Its rebuild (a version bump, a zone change) recomputes it from the activities alone.
        await Execute("UPDATE selling_time_days SET timed = timed + 3, call_seconds = call_seconds + 11");
        foreach (var statement in SellingTimeDayRollup.Statements)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement.For(Connections.Dialect), cancellationToken: Cancellation));
        }

        await AssertSellingTimeMatchesAsync(connection);
    }

    private async Task AssertSellingTimeMatchesAsync(System.Data.Common.DbConnection connection)
    {
        const string raw = """
            SELECT a.owner_id, c.day,
                   SUM(CAST(CASE WHEN a.type = 'call' THEN COALESCE(a.duration_seconds, 0) ELSE 0 END AS BIGINT)) AS call_seconds,
                   SUM(CAST(CASE WHEN a.type = 'meeting' THEN COALESCE(a.duration_seconds, 0) ELSE 0 END AS BIGINT)) AS meeting_seconds,
                   SUM(CAST(CASE WHEN a.type = 'email' THEN COALESCE(a.duration_seconds, 0) ELSE 0 END AS BIGINT)) AS email_seconds,
                   SUM(CASE WHEN a.duration_seconds IS NOT NULL THEN 1 ELSE 0 END) AS timed,
                   SUM(CASE WHEN a.duration_seconds IS NULL THEN 1 ELSE 0 END) AS untimed
            FROM activities a
            JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= a.occurred_at)
            WHERE a.deleted_at IS NULL AND a.type IN ('call', 'email', 'meeting') AND (a.type <> 'meeting' OR COALESCE(a.outcome, '') <> 'cancelled')
            GROUP BY a.owner_id, c.day
            """;
        const string rolled = """
            SELECT owner_id, day, call_seconds, meeting_seconds, email_seconds, timed, untimed FROM selling_time_days
            WHERE owner_id <> @Organisation AND (timed <> 0 OR untimed <> 0 OR call_seconds <> 0 OR meeting_seconds <> 0 OR email_seconds <> 0)
            """;
        var organisation = new { Organisation = Guid.Empty };
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({raw} EXCEPT {rolled}) d", organisation));
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({rolled} EXCEPT {raw}) d", organisation));
        const string organisationRaw = $"""
            SELECT r.day, SUM(r.call_seconds) AS call_seconds, SUM(r.meeting_seconds) AS meeting_seconds, SUM(r.email_seconds) AS email_seconds,
                   SUM(r.timed) AS timed, SUM(r.untimed) AS untimed
            FROM ({raw}) r GROUP BY r.day
            """;
        const string organisationRolled = """
            SELECT day, call_seconds, meeting_seconds, email_seconds, timed, untimed FROM selling_time_days
            WHERE owner_id = @Organisation AND (timed <> 0 OR untimed <> 0 OR call_seconds <> 0 OR meeting_seconds <> 0 OR email_seconds <> 0)
            """;
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({organisationRaw} EXCEPT {organisationRolled}) d", organisation));
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({organisationRolled} EXCEPT {organisationRaw}) d", organisation));

        // What the store reads (organisation, one rep, one team; per week and per day up to tomorrow) against the records'
        // definition of each span at Now, the clock's rule included.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await connection.QuerySingleAsync<string>("SELECT time_zone FROM metric_calendar_zone"));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);
        var rep = await connection.QuerySingleAsync<Guid>("SELECT MIN(CAST(owner_id AS VARCHAR(36))) FROM activities");
        var team = await connection.QuerySingleAsync<Guid>("SELECT MIN(CAST(team_id AS VARCHAR(36))) FROM users WHERE team_id IS NOT NULL");
        var store = new SellingTimeMetricsStore(Connections);
        var scopes = new[]
        {
            MetricScope.Create(MetricSubject.Organisation, null, today.AddDays(-70), today.AddDays(2), Bucket.Week, zone),
            MetricScope.Create(new MetricSubject(null, rep), null, today.AddDays(-60), today.AddDays(1), Bucket.Week, zone),
            MetricScope.Create(new MetricSubject(team, null), null, today.AddDays(-5), today.AddDays(2), Bucket.Day, zone),
            MetricScope.Create(MetricSubject.Organisation, null, today.AddDays(-3), today.AddDays(2), Bucket.Day, zone),
        };
        foreach (var scope in scopes)
        {
            var read = await store.SellingAsync(scope, Now, Cancellation);
            foreach (var span in scope.Spans)
            {
                var expected = await connection.QuerySingleAsync<SellingSeconds>(new CommandDefinition("""
                    SELECT CAST(COALESCE(SUM(CASE WHEN a.type = 'call' THEN COALESCE(a.duration_seconds, 0) ELSE 0 END), 0) AS BIGINT) AS CallSeconds,
                           CAST(COALESCE(SUM(CASE WHEN a.type = 'meeting' THEN COALESCE(a.duration_seconds, 0) ELSE 0 END), 0) AS BIGINT) AS MeetingSeconds,
                           CAST(COALESCE(SUM(CASE WHEN a.type = 'email' THEN COALESCE(a.duration_seconds, 0) ELSE 0 END), 0) AS BIGINT) AS EmailSeconds,
                           CAST(COALESCE(SUM(CASE WHEN a.duration_seconds IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS Timed,
                           CAST(COALESCE(SUM(CASE WHEN a.duration_seconds IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS Untimed
                    FROM activities a
                    WHERE a.deleted_at IS NULL AND a.type IN ('call', 'email', 'meeting')
                      AND (a.type <> 'meeting' OR (COALESCE(a.outcome, '') <> 'cancelled' AND a.occurred_at < @Now))
                      AND a.occurred_at >= @From AND a.occurred_at < @To
                      AND (   (@UserId IS NULL AND @TeamId IS NULL)
                           OR a.owner_id IN (SELECT u.id FROM users u WHERE u.id = @UserId OR u.team_id = @TeamId))
                    """, new { Now, From = span.FromUtc, To = span.ToUtc, scope.Subject.UserId, scope.Subject.TeamId }, cancellationToken: Cancellation));
                Assert.Equal(expected, read.GetValueOrDefault(span.Index, SellingSeconds.Empty));
            }
        }
    }
}

public sealed class SqliteSellingTimeRollupTests(SqliteDatabase database)
    : SellingTimeRollupTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerSellingTimeRollupTests(SqlServerDatabase database)
    : SellingTimeRollupTests(database), IClassFixture<SqlServerDatabase>;
