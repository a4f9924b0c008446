using Dapper;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Infrastructure.Metrics;
using SalesCrm.Infrastructure.Metrics.Rollups;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// lead_days and lead_score_days and the lead figures read from them against the leads, on a generated history.
/// </summary>
public abstract class LeadRollupTests(TestDatabase database) : GeneratedHistoryTests(database)
{
    /// <summary>
    /// lead_days and lead_score_days (and the lead metrics and score-band counts the stores read from them, medians included)
    /// must equal the leads' own definition: after lead activities soft-deleted, restored, hard-deleted, moved before the lead
    /// and added; leads soft-deleted, restored, reassigned, moved in time, converted and re-scored; and after its rebuild.
    /// </summary>
    [Fact]
    public async Task The_lead_rollups_agree_with_the_leads_after_edits()
    {
        await using var connection = await GenerateAsync(Tiny with { Days = 60, Seed = 53 });
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
}

public sealed class SqliteLeadRollupTests(SqliteDatabase database)
    : LeadRollupTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerLeadRollupTests(SqlServerDatabase database)
    : LeadRollupTests(database), IClassFixture<SqlServerDatabase>;
