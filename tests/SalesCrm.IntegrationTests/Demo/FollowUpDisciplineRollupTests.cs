using Dapper;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.FollowUps;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Metrics;
using SalesCrm.Infrastructure.Metrics.Rollups;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// The rollups follow-up discipline reads (advances per stage pair and follow-up count, closed deals and late
/// follow-ups) against the records they summarise, each test on a generated history of its own database.
/// </summary>
public abstract class FollowUpDisciplineRollupTests(TestDatabase database) : GeneratedHistoryTests(database)
{
    /// <summary>
    /// stage_move_follow_up_days (and the follow-up discipline advances read from it) must equal the moves counted from the
    /// records: after follow-ups completed, soft-deleted, restored and hard-deleted after the moves they count for, deals
    /// soft-deleted, restored and reassigned, moves shifted in time and appended; and after its rebuild.
    /// </summary>
    [Fact]
    public async Task The_stage_advance_rollup_agrees_with_the_moves_after_follow_up_and_deal_edits()
    {
        await using var connection = await GenerateAsync(Tiny with { Days = 90, Seed = 31 });
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM stage_move_follow_up_days WHERE follow_ups > 0 AND moves > 0") > 0);
        await AssertAdvancesMatchAsync(connection);

        Task Execute(string sql, object? parameters = null) => EditAsync(connection, sql, parameters);
        var now = Now;
        // Follow-ups completed (at their due time, which falls in some earlier stage), deleted, restored, hard-deleted, reopened.
        await Execute("UPDATE follow_ups SET status = 'completed', completed_at = due_at WHERE status = 'open' AND opportunity_id IS NOT NULL AND {pick} IN ('0', '1', '2', '3')");
        await Execute("UPDATE follow_ups SET deleted_at = @now WHERE status = 'completed' AND {pick} IN ('4', '5')", new { now });
        await Execute("UPDATE follow_ups SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND {pick} = '4'");
        await Execute("UPDATE follow_ups SET status = 'open', completed_at = NULL WHERE status = 'completed' AND {pick} = '6'");
        await Execute("UPDATE follow_ups SET completed_at = created_at WHERE status = 'completed' AND {pick} = '7'");
        await Execute("UPDATE follow_ups SET fulfilled_by_activity_id = NULL WHERE {pick} = '8'");
        await Execute("DELETE FROM follow_ups WHERE {pick} = '8'");
        // Deals soft-deleted, some restored, reassigned; moves shifted in time; a move appended to some deals.
        await Execute("UPDATE opportunities SET deleted_at = @now WHERE {pick} IN ('9', 'a')", new { now });
        await Execute("UPDATE opportunities SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND {pick} = '9'");
        await Execute("UPDATE opportunities SET owner_id = (SELECT MIN(CAST(id AS VARCHAR(36))) FROM users WHERE role = 'rep') WHERE {pick} IN ('b', 'c')");
        await Execute("UPDATE stage_moves SET occurred_at = recorded_at WHERE move_number > 1 AND {pick} = 'd'");
        var last = await connection.QueryAsync<Guid>(new CommandDefinition("""
            SELECT m.id FROM stage_moves m
            WHERE m.move_number = (SELECT MAX(x.move_number) FROM stage_moves x WHERE x.opportunity_id = m.opportunity_id)
            """, cancellationToken: Cancellation));
        foreach (var moveId in last.Take(20))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO stage_moves (id, opportunity_id, from_stage_id, to_stage_id, occurred_at, moved_by, recorded_at, move_number)
                SELECT @Id, m.opportunity_id, m.to_stage_id, m.to_stage_id, @now, m.moved_by, @now, m.move_number + 1 FROM stage_moves m WHERE m.id = @moveId
                """, new { Id = Guid.NewGuid(), now, moveId }, cancellationToken: Cancellation));
        }

        await AssertAdvancesMatchAsync(connection);

        // Its rebuild (a version bump, a zone change) recomputes it from the moves alone.
        await Execute("UPDATE stage_move_follow_up_days SET moves = moves + 3");
        foreach (var statement in StageAdvanceDayRollup.Statements)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement.For(Connections.Dialect), cancellationToken: Cancellation));
        }

        await AssertAdvancesMatchAsync(connection);
    }

    /// <summary>
    /// closed_deal_follow_up_days and late_follow_up_days (and the deals and late follow-ups follow-up discipline reads from
    /// them) must equal the records: after follow-ups completed, made late (by whole hours, by non-whole amounts, by a
    /// millisecond more within the same hour) or on time, soft-deleted, restored, reassigned and hard-deleted; deals
    /// reopened, closed again, reassigned, soft-deleted and restored; and after their rebuild. The generated history is late
    /// by whole hours, so the edits make some follow-ups late by amounts that share no value: the median and average the
    /// store's reads give must be the exact ones.
    /// </summary>
    [Fact]
    public async Task The_closed_deal_and_late_follow_up_rollups_agree_with_the_records_after_edits()
    {
        await using var connection = await GenerateAsync(Tiny with { Days = 90, Seed = 37 });
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM closed_deal_follow_up_days WHERE follow_ups > 0 AND deals > 0") > 0);
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM late_follow_up_days WHERE follow_ups > 0") > 0);
        await AssertOutcomesMatchAsync(connection);

        var sqlite = Connections.Dialect == SqlDialect.Sqlite;
        string Later(string column, long ms) => sqlite ? $"{column} + {ms}" : $"DATEADD(millisecond, {ms}, {column})";
        Task Execute(string sql, object? parameters = null) => EditAsync(connection, sql
            .Replace("{hourLate}", Later("due_at", 3_600_000), StringComparison.Ordinal)
            .Replace("{oddLate}", Later("due_at", 5_400_001), StringComparison.Ordinal)
            .Replace("{msLate}", Later("due_at", 1), StringComparison.Ordinal)
            .Replace("{msLater}", Later("completed_at", 1), StringComparison.Ordinal)
            .Replace("{minutesLater}", Later("completed_at", 1_234_567), StringComparison.Ordinal), parameters);
        var now = Now;
        var rep = await connection.QuerySingleAsync<Guid>("SELECT MIN(CAST(id AS VARCHAR(36))) FROM users WHERE role = 'rep'");
        // Follow-ups completed an hour late or on time, soft-deleted, restored, reopened, reassigned, hard-deleted.
        await Execute("UPDATE follow_ups SET status = 'completed', completed_at = {hourLate} WHERE status = 'open' AND {pick} IN ('0', '1')");
        await Execute("UPDATE follow_ups SET status = 'completed', completed_at = due_at WHERE status = 'open' AND {pick} = '2'");
        await Execute("UPDATE follow_ups SET completed_at = {hourLate} WHERE status = 'completed' AND {pick} = '3'");
        await Execute("UPDATE follow_ups SET due_at = completed_at WHERE status = 'completed' AND {pick} = '4'");
        // Late by non-whole amounts: 1 h 30 min + 1 ms, 1 ms, and a millisecond or some minutes more than they were.
        await Execute("UPDATE follow_ups SET status = 'completed', completed_at = {oddLate} WHERE status = 'open' AND {pick} = 'a'");
        await Execute("UPDATE follow_ups SET completed_at = {oddLate} WHERE status = 'completed' AND {pick} = 'b'");
        await Execute("UPDATE follow_ups SET completed_at = {msLate} WHERE status = 'completed' AND {pick} = 'c'");
        await Execute("UPDATE follow_ups SET completed_at = {msLater} WHERE status = 'completed' AND completed_at > due_at AND {pick} = 'd'");
        await Execute("UPDATE follow_ups SET completed_at = {minutesLater} WHERE status = 'completed' AND {pick} IN ('e', 'f')");
        await Execute("UPDATE follow_ups SET deleted_at = @now WHERE status = 'completed' AND {pick} IN ('5', '6')", new { now });
        await Execute("UPDATE follow_ups SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND {pick} = '5'");
        await Execute("UPDATE follow_ups SET status = 'open', completed_at = NULL WHERE status = 'completed' AND {pick} = '7'");
        await Execute("UPDATE follow_ups SET owner_id = @rep WHERE {pick} = '8'", new { rep });
        await Execute("UPDATE follow_ups SET fulfilled_by_activity_id = NULL WHERE {pick} = '9'");
        await Execute("DELETE FROM follow_ups WHERE {pick} = '9'");
        // Deals reopened, closed again earlier, lost turned won, reassigned, soft-deleted, some restored.
        await Execute("UPDATE opportunities SET outcome = NULL, closed_at = NULL WHERE outcome IS NOT NULL AND {pick} = 'a'");
        await Execute("UPDATE opportunities SET closed_at = created_at WHERE outcome IS NOT NULL AND {pick} = 'b'");
        await Execute("UPDATE opportunities SET outcome = 'won' WHERE outcome = 'lost' AND {pick} = 'c'");
        await Execute("UPDATE opportunities SET owner_id = @rep WHERE {pick} = 'd'", new { rep });
        await Execute("UPDATE opportunities SET deleted_at = @now WHERE {pick} IN ('e', 'f')", new { now });
        await Execute("UPDATE opportunities SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND {pick} = 'e'");
        await AssertOutcomesMatchAsync(connection);
        // Some rows now hold follow-ups late by non-whole amounts that share an hour (so the exact-ms path was exercised).
        Assert.True(await Count(connection, """
            SELECT COUNT(*) FROM late_follow_up_days
            WHERE owner_id <> @Organisation AND follow_ups > 1 AND late_ms <> follow_ups * 3600000 * late_hour
            """, new { Organisation = Guid.Empty }) > 0);

        // Their rebuild (a version bump, a zone change) recomputes them from the records alone.
        await Execute("UPDATE closed_deal_follow_up_days SET deals = deals + 3");
        await Execute("UPDATE late_follow_up_days SET follow_ups = follow_ups + 2");
        foreach (var statement in FollowUpOutcomeDayRollup.Statements)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement.For(Connections.Dialect), cancellationToken: Cancellation));
        }

        await AssertOutcomesMatchAsync(connection);
    }

    /// <summary>Completed follow-ups from entering the stage a move leaves (inclusive) to the move (exclusive), from the records.</summary>
    private const string RawFollowUpsInStage = """
        (SELECT COUNT(*) FROM follow_ups f
         JOIN stage_moves p ON p.opportunity_id = m.opportunity_id AND p.move_number = m.move_number - 1
         WHERE f.opportunity_id = m.opportunity_id AND f.status = 'completed' AND f.deleted_at IS NULL
           AND f.completed_at >= p.occurred_at AND f.completed_at < m.occurred_at)
        """;

    private async Task AssertAdvancesMatchAsync(System.Data.Common.DbConnection connection)
    {
        const string raw = $"""
            SELECT x.owner_id, x.day, x.from_stage_id, x.to_stage_id, x.follow_ups, COUNT(*) AS moves
            FROM (
                SELECT o.owner_id, c.day, m.from_stage_id, m.to_stage_id, {RawFollowUpsInStage} AS follow_ups
                FROM stage_moves m
                JOIN opportunities o ON o.id = m.opportunity_id
                JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= m.occurred_at)
                WHERE o.deleted_at IS NULL AND m.from_stage_id IS NOT NULL
            ) x
            GROUP BY x.owner_id, x.day, x.from_stage_id, x.to_stage_id, x.follow_ups
            """;
        const string rolled = """
            SELECT owner_id, day, from_stage_id, to_stage_id, follow_ups, moves FROM stage_move_follow_up_days
            WHERE owner_id <> @Organisation AND moves <> 0
            """;
        var organisation = new { Organisation = Guid.Empty };
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({raw} EXCEPT {rolled}) d", organisation));
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({rolled} EXCEPT {raw}) d", organisation));
        var organisationRaw = $"""
            SELECT r.day, r.from_stage_id, r.to_stage_id, r.follow_ups, SUM(r.moves) AS moves FROM ({raw}) r
            GROUP BY r.day, r.from_stage_id, r.to_stage_id, r.follow_ups
            """;
        const string organisationRolled = """
            SELECT day, from_stage_id, to_stage_id, follow_ups, moves FROM stage_move_follow_up_days WHERE owner_id = @Organisation AND moves <> 0
            """;
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({organisationRaw} EXCEPT {organisationRolled}) d", organisation));
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({organisationRolled} EXCEPT {organisationRaw}) d", organisation));

        // The advances the store reads (organisation, one rep, one pipeline; per day and per week) against the forward moves of each span.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await connection.QuerySingleAsync<string>("SELECT time_zone FROM metric_calendar_zone"));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);
        var rep = await connection.QuerySingleAsync<Guid>("SELECT MIN(CAST(owner_id AS VARCHAR(36))) FROM opportunities");
        var pipeline = await connection.QuerySingleAsync<Guid>("SELECT MIN(CAST(pipeline_id AS VARCHAR(36))) FROM opportunities");
        var store = new FollowUpMetricsStore(Connections, new FixedClock(Now));
        var scopes = new[]
        {
            MetricScope.Create(MetricSubject.Organisation, null, today.AddDays(-80), today.AddDays(1), Bucket.Week, zone),
            MetricScope.Create(new MetricSubject(null, rep), null, today.AddDays(-60), today.AddDays(1), Bucket.Week, zone),
            MetricScope.Create(MetricSubject.Organisation, pipeline, today.AddDays(-10), today.AddDays(1), Bucket.Day, zone),
        };
        foreach (var scope in scopes)
        {
            var rows = await store.ReadAsync(scope, Cancellation);
            Assert.Contains(rows.Advances, a => a.FollowUps > 0);

            foreach (var span in scope.Spans)
            {
                var read = rows.Advances.Where(a => a.Span == span.Index)
                    .SelectMany(a => Enumerable.Repeat($"{a.StageId}:{a.FollowUps}", (int)a.Moves)).Order(StringComparer.Ordinal).ToList();
                var expected = (await connection.QueryAsync<(Guid StageId, long FollowUps)>(new CommandDefinition($"""
                    SELECT fs.id, {RawFollowUpsInStage}
                    FROM stage_moves m
                    JOIN opportunities o ON o.id = m.opportunity_id
                    JOIN stages fs ON fs.id = m.from_stage_id
                    JOIN stages ts ON ts.id = m.to_stage_id
                    WHERE m.occurred_at >= @From AND m.occurred_at < @To AND o.deleted_at IS NULL
                      AND fs.kind = 'open' AND ts.pipeline_id = fs.pipeline_id AND ((ts.kind = 'open' AND ts.position > fs.position) OR ts.kind = 'won')
                      AND (@UserId IS NULL OR o.owner_id = @UserId) AND (@PipelineId IS NULL OR fs.pipeline_id = @PipelineId)
                    """, new { From = span.FromUtc, To = span.ToUtc, scope.Subject.UserId, scope.PipelineId }, cancellationToken: Cancellation)))
                    .Select(a => $"{a.StageId}:{a.FollowUps}").Order(StringComparer.Ordinal).ToList();
                Assert.Equal(expected, read);
            }
        }
    }

    private async Task AssertOutcomesMatchAsync(System.Data.Common.DbConnection connection)
    {
        var lateMs = Connections.Dialect == SqlDialect.Sqlite ? "f.completed_at - f.due_at" : "DATEDIFF_BIG(millisecond, f.due_at, f.completed_at)";
        const string rawDeals = """
            SELECT x.owner_id, x.day, x.pipeline_id, x.outcome, x.follow_ups, COUNT(*) AS deals
            FROM (
                SELECT o.owner_id, c.day, o.pipeline_id, o.outcome,
                       (SELECT COUNT(*) FROM follow_ups f
                        WHERE f.opportunity_id = o.id AND f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at <= o.closed_at) AS follow_ups
                FROM opportunities o
                JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= o.closed_at)
                WHERE o.outcome IN ('won', 'lost') AND o.deleted_at IS NULL
            ) x
            GROUP BY x.owner_id, x.day, x.pipeline_id, x.outcome, x.follow_ups
            """;
        const string rolledDeals = """
            SELECT owner_id, day, pipeline_id, outcome, follow_ups, deals FROM closed_deal_follow_up_days WHERE owner_id <> @Organisation AND deals <> 0
            """;
        var rawLate = $"""
            SELECT x.owner_id, x.day, (x.late_ms + 3599999) / 3600000 AS late_hour, COUNT(*) AS follow_ups, SUM(x.late_ms) AS late_ms
            FROM (
                SELECT f.owner_id, c.day, {lateMs} AS late_ms
                FROM follow_ups f
                JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= f.completed_at)
                WHERE f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at > f.due_at
            ) x
            GROUP BY x.owner_id, x.day, (x.late_ms + 3599999) / 3600000
            """;
        const string rolledLate = """
            SELECT owner_id, day, late_hour, follow_ups, late_ms FROM late_follow_up_days
            WHERE owner_id <> @Organisation AND (follow_ups <> 0 OR late_ms <> 0)
            """;
        var organisation = new { Organisation = Guid.Empty };
        async Task Same(string a, string b)
        {
            Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({a} EXCEPT {b}) d", organisation));
            Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({b} EXCEPT {a}) d", organisation));
        }

        await Same(rawDeals, rolledDeals);
        await Same(rawLate, rolledLate);
        await Same(
            $"SELECT r.day, r.pipeline_id, r.outcome, r.follow_ups, SUM(r.deals) AS deals FROM ({rawDeals}) r GROUP BY r.day, r.pipeline_id, r.outcome, r.follow_ups",
            "SELECT day, pipeline_id, outcome, follow_ups, deals FROM closed_deal_follow_up_days WHERE owner_id = @Organisation AND deals <> 0");
        await Same(
            $"SELECT r.day, r.late_hour, SUM(r.follow_ups) AS follow_ups, SUM(r.late_ms) AS late_ms FROM ({rawLate}) r GROUP BY r.day, r.late_hour",
            "SELECT day, late_hour, follow_ups, late_ms FROM late_follow_up_days WHERE owner_id = @Organisation AND (follow_ups <> 0 OR late_ms <> 0)");

        // The deals and late follow-ups the store reads (organisation, one rep, one pipeline; per week and per day) against each span's records.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await connection.QuerySingleAsync<string>("SELECT time_zone FROM metric_calendar_zone"));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);
        var rep = await connection.QuerySingleAsync<Guid>("SELECT MIN(CAST(owner_id AS VARCHAR(36))) FROM opportunities");
        var pipeline = await connection.QuerySingleAsync<Guid>("SELECT MIN(CAST(pipeline_id AS VARCHAR(36))) FROM opportunities");
        var store = new FollowUpMetricsStore(Connections, new FixedClock(Now));
        var scopes = new[]
        {
            MetricScope.Create(MetricSubject.Organisation, null, today.AddDays(-80), today.AddDays(1), Bucket.Week, zone),
            MetricScope.Create(new MetricSubject(null, rep), null, today.AddDays(-60), today.AddDays(1), Bucket.Week, zone),
            MetricScope.Create(MetricSubject.Organisation, pipeline, today.AddDays(-20), today.AddDays(1), Bucket.Day, zone),
        };
        foreach (var scope in scopes)
        {
            var rows = await store.ReadAsync(scope, Cancellation);
            Assert.Contains(rows.Deals, d => d.Span == 0 && d.FollowUps > 0);
            Assert.Contains(rows.Late, f => f.Span == 0);
            foreach (var span in scope.Spans)
            {
                var range = new { From = span.FromUtc, To = span.ToUtc, scope.Subject.UserId, scope.PipelineId };
                var deals = rows.Deals.Where(d => d.Span == span.Index)
                    .SelectMany(d => Enumerable.Repeat($"{(d.Won ? "won" : "lost")}:{d.FollowUps}", (int)d.Deals)).Order(StringComparer.Ordinal).ToList();
                var expectedDeals = (await connection.QueryAsync<(string Outcome, long FollowUps)>(new CommandDefinition("""
                    SELECT o.outcome, (SELECT COUNT(*) FROM follow_ups f
                                       WHERE f.opportunity_id = o.id AND f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at <= o.closed_at)
                    FROM opportunities o
                    WHERE o.outcome IN ('won', 'lost') AND o.closed_at >= @From AND o.closed_at < @To AND o.deleted_at IS NULL
                      AND (@UserId IS NULL OR o.owner_id = @UserId) AND (@PipelineId IS NULL OR o.pipeline_id = @PipelineId)
                    """, range, cancellationToken: Cancellation))).Select(d => $"{d.Outcome}:{d.FollowUps}").Order(StringComparer.Ordinal).ToList();
                Assert.Equal(expectedDeals, deals);

                var expectedLate = (await connection.QueryAsync<long>(new CommandDefinition($"""
                    SELECT {lateMs} FROM follow_ups f
                    WHERE f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at >= @From AND f.completed_at < @To AND f.completed_at > f.due_at
                      AND (@UserId IS NULL OR f.owner_id = @UserId)
                      AND (@PipelineId IS NULL OR f.opportunity_id IN (SELECT po.id FROM opportunities po WHERE po.pipeline_id = @PipelineId))
                    """, range, cancellationToken: Cancellation))).Order().ToList();
                var hours = rows.Late.Where(h => h.Span == span.Index).OrderBy(h => h.Hour).ToList();
                var middles = rows.LateMiddles.Where(m => m.Span == span.Index).ToList();
                var expectedHours = expectedLate.GroupBy(LateHours.HourOf)
                    .Select(g => new LateHour(span.Index, g.Key, g.LongCount(), g.Sum())).OrderBy(h => h.Hour).ToList();
                Assert.Equal(expectedHours, hours);
                Assert.All(middles, m => Assert.Equal(expectedLate.Where(ms => LateHours.HourOf(ms) == m.Hour).Order(), m.LateMs.Order()));
                var expectedHoursLate = expectedLate.Select(ms => ms / 3_600_000.0).ToList();
                Assert.Equal(
                    ((long)expectedLate.Count, Ratio.Median(expectedHoursLate), Ratio.Of(expectedLate.Sum() / 3_600_000.0, expectedLate.Count)),
                    LateHours.Figures(hours, middles));
            }
        }
    }
}

public sealed class SqliteFollowUpDisciplineRollupTests(SqliteDatabase database)
    : FollowUpDisciplineRollupTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerFollowUpDisciplineRollupTests(SqlServerDatabase database)
    : FollowUpDisciplineRollupTests(database), IClassFixture<SqlServerDatabase>;
