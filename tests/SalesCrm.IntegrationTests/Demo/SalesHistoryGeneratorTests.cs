using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCrm.Application.Forecasts;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.SellingTime;
using SalesCrm.Infrastructure.Auth;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Demo;
using SalesCrm.Infrastructure.Forecasts;
using SalesCrm.Infrastructure.Metrics;
using SalesCrm.Infrastructure.Metrics.Rollups;
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

    /// <summary>
    /// stage_move_follow_up_days (and the follow-up discipline advances read from it) must equal the moves counted from the
    /// records: after follow-ups completed, soft-deleted, restored and hard-deleted after the moves they count for, deals
    /// soft-deleted, restored and reassigned, moves shifted in time and appended; and after its rebuild.
    /// </summary>
    [Fact]
    public async Task The_stage_advance_rollup_agrees_with_the_moves_after_follow_up_and_deal_edits()
    {
        await new SalesHistoryGenerator(Connections, new IdentityPasswordHasher(), new FixedClock(Now), NullLogger<SalesHistoryGenerator>.Instance)
            .GenerateAsync(Tiny with { Days = 90, Seed = 31 }, await GeneratedRepsAsync() is { Count: > 0 } reps ? reps : null, Cancellation);
        await using var connection = await Connections.OpenAsync(Cancellation);
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
    /// them) must equal the records: after follow-ups completed, made late or on time, soft-deleted, restored, reassigned and
    /// hard-deleted; deals reopened, closed again, reassigned, soft-deleted and restored; and after their rebuild.
    /// </summary>
    [Fact]
    public async Task The_closed_deal_and_late_follow_up_rollups_agree_with_the_records_after_edits()
    {
        await new SalesHistoryGenerator(Connections, new IdentityPasswordHasher(), new FixedClock(Now), NullLogger<SalesHistoryGenerator>.Instance)
            .GenerateAsync(Tiny with { Days = 90, Seed = 37 }, await GeneratedRepsAsync() is { Count: > 0 } reps ? reps : null, Cancellation);
        await using var connection = await Connections.OpenAsync(Cancellation);
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM closed_deal_follow_up_days WHERE follow_ups > 0 AND deals > 0") > 0);
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM late_follow_up_days WHERE follow_ups > 0") > 0);
        await AssertOutcomesMatchAsync(connection);

        var hour = Connections.Dialect == SqlDialect.Sqlite ? "due_at + 3600000" : "DATEADD(hour, 1, due_at)";
        Task Execute(string sql, object? parameters = null) => EditAsync(connection, sql.Replace("{hourLate}", hour, StringComparison.Ordinal), parameters);
        var now = Now;
        var rep = await connection.QuerySingleAsync<Guid>("SELECT MIN(CAST(id AS VARCHAR(36))) FROM users WHERE role = 'rep'");
        // Follow-ups completed an hour late or on time, soft-deleted, restored, reopened, reassigned, hard-deleted.
        await Execute("UPDATE follow_ups SET status = 'completed', completed_at = {hourLate} WHERE status = 'open' AND {pick} IN ('0', '1')");
        await Execute("UPDATE follow_ups SET status = 'completed', completed_at = due_at WHERE status = 'open' AND {pick} = '2'");
        await Execute("UPDATE follow_ups SET completed_at = {hourLate} WHERE status = 'completed' AND {pick} = '3'");
        await Execute("UPDATE follow_ups SET due_at = completed_at WHERE status = 'completed' AND {pick} = '4'");
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

        // Their rebuild (a version bump, a zone change) recomputes them from the records alone.
        await Execute("UPDATE closed_deal_follow_up_days SET deals = deals + 3");
        await Execute("UPDATE late_follow_up_days SET follow_ups = follow_ups + 2");
        foreach (var statement in FollowUpOutcomeDayRollup.Statements)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement.For(Connections.Dialect), cancellationToken: Cancellation));
        }

        await AssertOutcomesMatchAsync(connection);
    }

    /// <summary>
    /// selling_time_days (and the selling time the store reads from it and from today's activities) must equal the sums
    /// over the records: after durations cleared and set, meetings cancelled and restored, activities soft-deleted,
    /// restored, hard-deleted, reassigned, moved in time, retyped and added (today, later today, earlier); and after its rebuild.
    /// </summary>
    [Fact]
    public async Task The_selling_time_rollup_agrees_with_the_activities_after_edits()
    {
        await new SalesHistoryGenerator(Connections, new IdentityPasswordHasher(), new FixedClock(Now), NullLogger<SalesHistoryGenerator>.Instance)
            .GenerateAsync(Tiny with { Days = 60, Seed = 43 }, await GeneratedRepsAsync() is { Count: > 0 } reps ? reps : null, Cancellation);
        await using var connection = await Connections.OpenAsync(Cancellation);
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
            SELECT x.owner_id, x.day, x.late_ms, COUNT(*) AS follow_ups
            FROM (
                SELECT f.owner_id, c.day, {lateMs} AS late_ms
                FROM follow_ups f
                JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= f.completed_at)
                WHERE f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at > f.due_at
            ) x
            GROUP BY x.owner_id, x.day, x.late_ms
            """;
        const string rolledLate = "SELECT owner_id, day, late_ms, follow_ups FROM late_follow_up_days WHERE owner_id <> @Organisation AND follow_ups <> 0";
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
            $"SELECT r.day, r.late_ms, SUM(r.follow_ups) AS follow_ups FROM ({rawLate}) r GROUP BY r.day, r.late_ms",
            "SELECT day, late_ms, follow_ups FROM late_follow_up_days WHERE owner_id = @Organisation AND follow_ups <> 0");

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

                var late = rows.Late.Where(f => f.Span == span.Index)
                    .SelectMany(f => Enumerable.Repeat((long)f.Lateness.TotalMilliseconds, (int)f.FollowUps)).Order().ToList();
                var expectedLate = (await connection.QueryAsync<long>(new CommandDefinition($"""
                    SELECT {lateMs} FROM follow_ups f
                    WHERE f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at >= @From AND f.completed_at < @To AND f.completed_at > f.due_at
                      AND (@UserId IS NULL OR f.owner_id = @UserId)
                      AND (@PipelineId IS NULL OR f.opportunity_id IN (SELECT po.id FROM opportunities po WHERE po.pipeline_id = @PipelineId))
                    """, range, cancellationToken: Cancellation))).Order().ToList();
                Assert.Equal(expectedLate, late);
            }
        }
    }

    /// <summary>
    /// owner_months (kept by triggers on the day rollups) must equal the won deals and activities per rep and local month
    /// counted from the records, and the mix, leaderboard and won-per-month reads (its whole months plus the days around
    /// them) the records over windows on and off month boundaries: after deals and activities are edited, soft-deleted,
    /// restored, reassigned, moved in time and hard-deleted; and after its rebuild.
    /// </summary>
    [Fact]
    public async Task The_owner_month_rollup_agrees_with_the_records_after_edits()
    {
        await new SalesHistoryGenerator(Connections, new IdentityPasswordHasher(), new FixedClock(Now), NullLogger<SalesHistoryGenerator>.Instance)
            .GenerateAsync(Tiny with { Days = 100, Seed = 53 }, await GeneratedRepsAsync() is { Count: > 0 } reps ? reps : null, Cancellation);
        await using var connection = await Connections.OpenAsync(Cancellation);
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM owner_months WHERE won > 0 AND calls > 0") > 0);
        // Some deals won as soon as created, so the first (finished) quarter has wins.
        await EditAsync(connection, "UPDATE opportunities SET closed_at = created_at WHERE outcome = 'won' AND {pick} IN ('8', '9', 'a', 'b')");
        await AssertOwnerMonthsMatchAsync(connection);

        Task Execute(string sql, object? parameters = null) => EditAsync(connection, sql, parameters);
        var now = Now;
        await Execute("UPDATE opportunities SET deleted_at = @now WHERE outcome = 'won' AND {pick} IN ('0', '1')", new { now });
        await Execute("UPDATE opportunities SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND {pick} = '0'");
        await Execute("UPDATE opportunities SET amount = amount + 1234.5 WHERE outcome = 'won' AND {pick} = '2'");
        await Execute("UPDATE opportunities SET owner_id = (SELECT MIN(CAST(id AS VARCHAR(36))) FROM users WHERE role = 'rep') WHERE {pick} = '3'");
        await Execute("UPDATE opportunities SET closed_at = created_at WHERE outcome = 'won' AND {pick} = '4'");
        await Execute("UPDATE opportunities SET outcome = 'lost' WHERE outcome = 'won' AND {pick} = '5'");
        await Execute("UPDATE activities SET deleted_at = @now WHERE {pick} IN ('6', '7')", new { now });
        await Execute("UPDATE activities SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND {pick} = '6'");
        await Execute("UPDATE activities SET owner_id = (SELECT MIN(CAST(id AS VARCHAR(36))) FROM users WHERE role = 'rep') WHERE {pick} = '8'");
        await Execute("UPDATE activities SET occurred_at = created_at WHERE {pick} = '9'");
        await Execute("UPDATE activities SET type = 'note' WHERE type = 'email' AND {pick} = 'a'");
        await Execute("UPDATE follow_ups SET fulfilled_by_activity_id = NULL WHERE fulfilled_by_activity_id IN (SELECT id FROM activities WHERE {pick} = 'b')");
        await Execute("DELETE FROM activities WHERE {pick} = 'b'");
        await AssertOwnerMonthsMatchAsync(connection);

        // Its rebuild (a version bump, a zone change) recomputes it from the day rollups alone.
        await Execute("UPDATE owner_months SET won = won + 3, calls = calls + 11");
        foreach (var statement in OwnerMonthRollup.Statements)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement.For(Connections.Dialect), cancellationToken: Cancellation));
        }

        await AssertOwnerMonthsMatchAsync(connection);
    }

    private async Task AssertOwnerMonthsMatchAsync(System.Data.Common.DbConnection connection)
    {
        var month = Connections.Dialect == SqlDialect.Sqlite ? "SUBSTR(c.day, 1, 7) || '-01'" : "DATEFROMPARTS(YEAR(c.day), MONTH(c.day), 1)";
        var raw = $"""
            SELECT r.owner_id, r.month, SUM(r.won) AS won, SUM(r.won_amount) AS won_amount, SUM(r.calls) AS calls, SUM(r.emails) AS emails,
                   SUM(r.meetings) AS meetings, SUM(r.notes) AS notes
            FROM (SELECT o.owner_id, {month} AS month, 1 AS won, o.amount AS won_amount, 0 AS calls, 0 AS emails, 0 AS meetings, 0 AS notes
                  FROM opportunities o
                  JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= o.closed_at)
                  WHERE o.outcome = 'won' AND o.deleted_at IS NULL
                  UNION ALL
                  SELECT a.owner_id, {month}, 0, 0,
                         CASE WHEN a.type = 'call' AND a.direction IN ('outbound', 'inbound') THEN 1 ELSE 0 END,
                         CASE WHEN a.type = 'email' AND a.direction IN ('outbound', 'inbound') THEN 1 ELSE 0 END,
                         CASE WHEN a.type = 'meeting' THEN 1 ELSE 0 END, CASE WHEN a.type = 'note' THEN 1 ELSE 0 END
                  FROM activities a
                  JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= a.occurred_at)
                  WHERE a.deleted_at IS NULL) r
            GROUP BY r.owner_id, r.month
            HAVING SUM(r.won) <> 0 OR SUM(r.calls) <> 0 OR SUM(r.emails) <> 0 OR SUM(r.meetings) <> 0 OR SUM(r.notes) <> 0
            """;
        const string rolled = """
            SELECT owner_id, month, won, won_amount, calls, emails, meetings, notes FROM owner_months
            WHERE won <> 0 OR calls <> 0 OR emails <> 0 OR meetings <> 0 OR notes <> 0
            """;
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({raw} EXCEPT {rolled}) d"));
        Assert.Equal(0, await Count(connection, $"SELECT COUNT(*) FROM ({rolled} EXCEPT {raw}) d"));

        // The readers over windows on month boundaries, off them, and inside one month: the records' figures per rep.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await connection.QuerySingleAsync<string>("SELECT time_zone FROM metric_calendar_zone"));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var activity = new ActivityMetricsStore(Connections);
        var attainment = new AttainmentMetricsStore(Connections);
        foreach (var (from, to) in new[] { (monthStart.AddMonths(-3), monthStart), (today.AddDays(-75), today.AddDays(1)), (monthStart.AddMonths(-1).AddDays(3), monthStart.AddDays(-2)) })
        {
            var scope = MetricScope.Create(MetricSubject.Organisation, null, from, to, null, zone);
            var window = new { From = scope.Whole.FromUtc, To = scope.Whole.ToUtc };
            var activities = (await connection.QueryAsync<(Guid OwnerId, long Calls, long Total)>(new CommandDefinition("""
                SELECT a.owner_id, SUM(CASE WHEN a.type = 'call' AND a.direction IN ('outbound', 'inbound') THEN 1 ELSE 0 END),
                       SUM(CASE WHEN (a.type IN ('call', 'email') AND a.direction IN ('outbound', 'inbound')) OR a.type IN ('meeting', 'note') THEN 1 ELSE 0 END)
                FROM activities a
                WHERE a.deleted_at IS NULL AND a.occurred_at >= @From AND a.occurred_at < @To
                GROUP BY a.owner_id
                """, window, cancellationToken: Cancellation))).ToDictionary(r => r.OwnerId);
            var won = (await connection.QueryAsync<(Guid OwnerId, decimal Revenue, long Deals)>(new CommandDefinition("""
                SELECT o.owner_id, SUM(o.amount), COUNT(*) FROM opportunities o
                WHERE o.outcome = 'won' AND o.deleted_at IS NULL AND o.closed_at >= @From AND o.closed_at < @To
                GROUP BY o.owner_id
                """, window, cancellationToken: Cancellation))).ToDictionary(r => r.OwnerId);
            Assert.Contains(won.Values, w => w.Deals > 0);
            foreach (var row in await activity.MixAsync(scope, Cancellation))
            {
                var expected = activities.GetValueOrDefault(row.UserId);
                Assert.Equal((expected.Calls, expected.Total), (row.Calls, row.Total));
            }

            foreach (var row in await attainment.LeaderboardAsync(scope, Cancellation))
            {
                var expected = won.GetValueOrDefault(row.UserId);
                Assert.Equal((expected.Revenue, expected.Deals, activities.GetValueOrDefault(row.UserId).Total), (row.RevenueWon, row.DealsWon, row.Activities));
            }

        }

        await AssertAttainedQuotasAsync(connection, attainment, zone, today);
    }

    /// <summary>
    /// The finished quotas the store reports as attained (from owner_months) are exactly those whose target the won deals of
    /// their period reach, counted from the records over the period's local days, with the same revenue and deals (targets
    /// set here: 1 for every finished quota but one out of reach).
    /// </summary>
    private async Task AssertAttainedQuotasAsync(System.Data.Common.DbConnection connection, AttainmentMetricsStore attainment, TimeZoneInfo zone, DateOnly today)
    {
        var from = today.AddYears(-2);
        var quotas = (await connection.QueryAsync<(Guid Id, Guid UserId, string Kind, DateOnly PeriodStart, DateOnly PeriodEnd)>(new CommandDefinition("""
            SELECT id, user_id, kind, period_start, period_end FROM quotas
            WHERE deleted_at IS NULL AND period_start >= @From AND period_end <= @Today
            """, new { From = from, Today = today }, cancellationToken: Cancellation))).ToList();
        Assert.True(quotas.Count > 1);
        var won = new List<(Guid Id, string Kind, decimal Revenue, long Deals)>();
        foreach (var quota in quotas)
        {
            var (revenue, deals) = await connection.QuerySingleAsync<(decimal, long)>(new CommandDefinition("""
                SELECT COALESCE(SUM(o.amount), 0), COUNT(*) FROM opportunities o
                WHERE o.outcome = 'won' AND o.deleted_at IS NULL AND o.owner_id = @UserId AND o.closed_at >= @From AND o.closed_at < @To
                """, new { quota.UserId, From = MetricWindow.StartOfDay(quota.PeriodStart, zone), To = MetricWindow.StartOfDay(quota.PeriodEnd, zone) },
                cancellationToken: Cancellation));
            won.Add((quota.Id, quota.Kind, revenue, deals));
        }

        // Targets of 1 (reached by any win) but one out of reach, on the quota that won least: some attained, one not.
        var unreachable = won.OrderBy(w => w.Revenue).ThenBy(w => w.Id).First().Id;
        foreach (var quota in quotas)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE quotas SET target = @Target WHERE id = @Id", new { Target = quota.Id == unreachable ? 1_000_000_000m : 1m, quota.Id }, cancellationToken: Cancellation));
        }

        var expected = won.Where(w => w.Id != unreachable && (w.Kind == "revenue" ? w.Revenue : w.Deals) >= 1).Select(w => (w.Id, w.Revenue, w.Deals)).ToList();
        Assert.NotEmpty(expected);
        var attained = await attainment.AttainedQuotasAsync(MetricSubject.Organisation, from, today, Cancellation);
        Assert.Equal(expected.Order(), attained.Select(a => (a.Quota.QuotaId, a.Revenue, a.Deals)).Order());
    }

    /// <summary>
    /// lead_days and lead_score_days (and the lead metrics and score-band counts the stores read from them, medians included)
    /// must equal the leads' own definition: after lead activities soft-deleted, restored, hard-deleted, moved before the lead
    /// and added; leads soft-deleted, restored, reassigned, moved in time, converted and re-scored; and after its rebuild.
    /// </summary>
    [Fact]
    public async Task The_lead_rollups_agree_with_the_leads_after_edits()
    {
        await new SalesHistoryGenerator(Connections, new IdentityPasswordHasher(), new FixedClock(Now), NullLogger<SalesHistoryGenerator>.Instance)
            .GenerateAsync(Tiny with { Days = 60, Seed = 53 }, await GeneratedRepsAsync() is { Count: > 0 } reps ? reps : null, Cancellation);
        await using var connection = await Connections.OpenAsync(Cancellation);
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM lead_days WHERE leads > 0 AND response_hour > 0") > 0);
        await AssertLeadRollupsMatchAsync(connection);

        Task Execute(string sql, object? parameters = null) => EditAsync(connection, sql, parameters);
        var now = Now;
        // Lead activities soft-deleted, some restored, hard-deleted, moved before their lead's creation.
        await Execute("UPDATE activities SET deleted_at = @now WHERE lead_id IS NOT NULL AND {pick} IN ('0', '1', '2')", new { now });
        await Execute("UPDATE activities SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND {pick} = '0'");
        await Execute("UPDATE follow_ups SET fulfilled_by_activity_id = NULL WHERE fulfilled_by_activity_id IN (SELECT id FROM activities WHERE lead_id IS NOT NULL AND {pick} = '3')");
        await Execute("DELETE FROM activities WHERE lead_id IS NOT NULL AND {pick} = '3'");
        await Execute("UPDATE activities SET occurred_at = (SELECT l.created_at FROM leads l WHERE l.id = activities.lead_id) WHERE lead_id IS NOT NULL AND {pick} = '4'");
        // Leads soft-deleted, some restored, reassigned, moved in time, converted, re-scored.
        await Execute("UPDATE leads SET deleted_at = @now WHERE {pick} IN ('5', '6')", new { now });
        await Execute("UPDATE leads SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND {pick} = '5'");
        await Execute("UPDATE leads SET owner_id = (SELECT MIN(CAST(id AS VARCHAR(36))) FROM users WHERE role = 'rep') WHERE {pick} IN ('7', '8')");
        await Execute("UPDATE activities SET owner_id = (SELECT l.owner_id FROM leads l WHERE l.id = activities.lead_id) WHERE lead_id IS NOT NULL"); // the API's invariant
        await Execute("UPDATE leads SET created_at = @now WHERE {pick} = '9'", new { now });
        await Execute("UPDATE leads SET status = 'converted' WHERE status <> 'converted' AND {pick} IN ('a', 'b')");
        await Execute("UPDATE leads SET score = score + 40 WHERE {pick} IN ('b', 'c', 'd')");
        await Execute("UPDATE leads SET score = score + 90 WHERE {pick} = 'e'");
        // A first activity for some unanswered leads, hours after their creation.
        var unanswered = await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT id FROM leads WHERE first_activity_at IS NULL AND deleted_at IS NULL ORDER BY id", cancellationToken: Cancellation));
        var template = await connection.QueryFirstAsync<Guid>(new CommandDefinition("SELECT id FROM activities ORDER BY id", cancellationToken: Cancellation));
        foreach (var (leadId, i) in unanswered.Take(10).Select((id, i) => (id, i)))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO activities (id, type, owner_id, team_id, occurred_at, lead_id, created_at, created_by, version)
                SELECT @Id, 'note', a.owner_id, a.team_id, @At, @leadId, a.created_at, a.created_by, 1
                FROM activities a WHERE a.id = @template
                """, new { Id = Guid.NewGuid(), At = now.AddHours(-3 * i - 0.5), leadId, template }, cancellationToken: Cancellation));
        }

        await AssertLeadRollupsMatchAsync(connection);

        // Its rebuild (a version bump, a zone change) recomputes it from the leads alone.
        await Execute("UPDATE lead_days SET leads = leads + 3, response_ms = response_ms + 11");
        await Execute("UPDATE lead_score_days SET converted = converted + 2");
        foreach (var statement in LeadDayRollup.Statements)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement.For(Connections.Dialect), cancellationToken: Cancellation));
        }

        await AssertLeadRollupsMatchAsync(connection);
    }

    private async Task AssertLeadRollupsMatchAsync(System.Data.Common.DbConnection connection)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await connection.QuerySingleAsync<string>("SELECT time_zone FROM metric_calendar_zone"));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);
        var leads = (await connection.QueryAsync<RawLead>(new CommandDefinition("""
            SELECT l.owner_id AS OwnerId, u.team_id AS TeamId, l.created_at AS CreatedAt, l.score AS Score,
                   CASE WHEN l.status = 'converted' OR l.converted_opportunity_id IS NOT NULL THEN 1 ELSE 0 END AS Converted,
                   (SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = l.id AND a.deleted_at IS NULL) AS FirstActivityAt
            FROM leads l JOIN users u ON u.id = l.owner_id
            WHERE l.deleted_at IS NULL
            """, cancellationToken: Cancellation))).ToList();
        Assert.Contains(leads, l => l.FirstActivityAt > l.CreatedAt);
        var rep = leads.Select(l => l.OwnerId).Min();
        var team = leads.Where(l => l.TeamId is not null).Select(l => l.TeamId!.Value).Min();
        var scopes = new[]
        {
            MetricScope.Create(MetricSubject.Organisation, null, today.AddDays(-70), today.AddDays(2), Bucket.Week, zone),
            MetricScope.Create(new MetricSubject(null, rep), null, today.AddDays(-60), today.AddDays(1), Bucket.Week, zone),
            MetricScope.Create(new MetricSubject(team, null), null, today.AddDays(-20), today.AddDays(2), Bucket.Day, zone),
            MetricScope.Create(MetricSubject.Organisation, null, today.AddDays(-9), today.AddDays(-2), Bucket.Day, zone),
        };
        var results = new ResultMetricsStore(Connections);
        var scoring = new SalesCrm.Infrastructure.LeadScoring.LeadScoringMetricsStore(Connections);
        foreach (var scope in scopes)
        {
            var spans = (await results.LeadsAsync(scope, Cancellation)).ToDictionary(s => s.SpanIndex);
            var scores = (await scoring.ScoreCountsAsync(scope, Cancellation)).ToLookup(s => s.SpanIndex);
            foreach (var span in scope.Spans)
            {
                var inSpan = leads.Where(l => l.CreatedAt >= span.FromUtc && l.CreatedAt < span.ToUtc
                    && (scope.Subject.UserId is not { } u || l.OwnerId == u) && (scope.Subject.TeamId is not { } t || l.TeamId == t)).ToList();
                var responseMs = inSpan.Where(l => l.FirstActivityAt is not null)
                    .Select(l => Math.Max(0L, (long)(l.FirstActivityAt!.Value - l.CreatedAt).TotalMilliseconds)).ToList();
                var hours = responseMs.Select(ms => ms / 3_600_000.0).ToList();
                long converted = inSpan.Count(l => l.Converted == 1);
                // The average from the exact total of milliseconds (summing rounded hours could differ in the 4th decimal).
                var expected = new SalesCrm.Application.Metrics.Results.LeadMetrics(
                    inSpan.Count, converted, Ratio.Of(converted, inSpan.Count), hours.Count, inSpan.Count - hours.Count,
                    Ratio.Of(responseMs.Sum() / 3_600_000.0, hours.Count), Ratio.Median(hours));
                Assert.Equal(expected, SalesCrm.Application.Metrics.Results.LeadCalculation.For(spans.GetValueOrDefault(span.Index)));
                var expectedScores = inSpan.GroupBy(l => l.Score).Select(g => (g.Key, (long)g.Count(), (long)g.Count(l => l.Converted == 1))).Order().ToList();
                Assert.Equal(expectedScores, scores[span.Index].Select(s => (s.Score, s.Leads, s.Converted)).Order().ToList());
            }
        }
    }

    private sealed class RawLead
    {
        public Guid OwnerId { get; init; }

        public Guid? TeamId { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public int Score { get; init; }

        public int Converted { get; init; }

        public DateTimeOffset? FirstActivityAt { get; init; }
    }

    private sealed record Totals(long OutboundCalls, long ConnectedCalls, long EmailReplies, long MeetingsBooked, long MeetingsHeld, long Notes, long Activities);

    /// <summary>
    /// won_cycle_days (and what the forecast reads from it: won totals, deals per whole day of cycle, the typical cycle)
    /// must equal the won deals themselves: after wins reopened, losses turned into wins, closes and creations moved (into
    /// today, before the creation), deals soft-deleted, restored and reassigned; after its rebuild; and after a zone change,
    /// for the organisation, a team and a rep over windows that start and end inside days.
    /// </summary>
    [Fact]
    public async Task The_won_cycle_rollup_agrees_with_the_won_deals_after_edits()
    {
        await new SalesHistoryGenerator(Connections, new IdentityPasswordHasher(), new FixedClock(Now), NullLogger<SalesHistoryGenerator>.Instance)
            .GenerateAsync(Tiny with { Days = 150, Seed = 53 }, await GeneratedRepsAsync() is { Count: > 0 } reps ? reps : null, Cancellation);
        await using var connection = await Connections.OpenAsync(Cancellation);
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

    /// <summary>
    /// Runs an edit of a sample of rows: <c>{pick}</c> is a row id's last hex digit, so <c>{pick} IN ('0', '1')</c> edits about
    /// an eighth of them, the same ones on both databases and every run.
    /// </summary>
    private Task EditAsync(System.Data.Common.DbConnection connection, string sql, object? parameters = null)
    {
        var pick = Connections.Dialect == SqlDialect.Sqlite ? "LOWER(SUBSTR(CAST(id AS VARCHAR(36)), 36, 1))" : "LOWER(SUBSTRING(CAST(id AS VARCHAR(36)), 36, 1))";
        return connection.ExecuteAsync(new CommandDefinition(sql.Replace("{pick}", pick, StringComparison.Ordinal), parameters, cancellationToken: Cancellation));
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
}

public sealed class SqliteSalesHistoryGeneratorTests(SqliteDatabase database)
    : SalesHistoryGeneratorTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerSalesHistoryGeneratorTests(SqlServerDatabase database)
    : SalesHistoryGeneratorTests(database), IClassFixture<SqlServerDatabase>;
