using Dapper;
using SalesCrm.Application.LeadScoring;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Infrastructure.LeadScoring;
using SalesCrm.Infrastructure.Metrics.Rollups;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// leads.qualified_response_at, qualified_lead_days and the response time to sales-qualified leads read from them against
/// the leads and their activities, on a generated history.
/// </summary>
public abstract class QualifiedLeadRollupTests(TestDatabase database) : GeneratedHistoryTests(database)
{
    private const long MillisecondsPerHour = 3_600_000;

    /// <summary>
    /// The stored first response since qualifying, the rollup's rows (organisation rows too) and the store's figures (medians
    /// included) must equal the records' own definition: after lead activities soft-deleted, restored, hard-deleted, moved
    /// to the qualification instant, to just before it and to another lead, and added; leads soft-deleted, restored,
    /// reassigned, re-qualified (earlier, at an activity, later, never) and newly qualified; and after its rebuild.
    /// </summary>
    [Fact]
    public async Task The_qualified_lead_rollup_agrees_with_the_leads_after_edits()
    {
        await using var connection = await GenerateAsync(Tiny with { Days = 60, Seed = 59 });
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM qualified_lead_days WHERE leads > 0 AND response_hour > 0") > 0);
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM qualified_lead_days WHERE leads > 0 AND response_hour = -1") > 0);
        await AssertQualifiedRollupMatchesAsync(connection);

        Task Execute(string sql, object? parameters = null) => EditAsync(connection, sql, parameters);
        var now = Now;
        // Lead activities soft-deleted, some restored, hard-deleted, moved to the qualification instant, to 1 ms before it,
        // to another lead.
        await Execute("UPDATE activities SET deleted_at = @now WHERE lead_id IS NOT NULL AND {pick} IN ('0', '1', '2')", new { now });
        await Execute("UPDATE activities SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND {pick} = '0'");
        await Execute("UPDATE follow_ups SET fulfilled_by_activity_id = NULL WHERE fulfilled_by_activity_id IN (SELECT id FROM activities WHERE lead_id IS NOT NULL AND {pick} = '3')");
        await Execute("DELETE FROM activities WHERE lead_id IS NOT NULL AND {pick} = '3'");
        await Execute("""
            UPDATE activities SET occurred_at = (SELECT l.sales_qualified_at FROM leads l WHERE l.id = activities.lead_id)
            WHERE {pick} = '4' AND lead_id IN (SELECT l.id FROM leads l WHERE l.sales_qualified_at IS NOT NULL)
            """);
        var justBefore = await connection.QueryAsync<(Guid Id, DateTimeOffset At)>(new CommandDefinition("""
            SELECT a.id, l.sales_qualified_at FROM activities a JOIN leads l ON l.id = a.lead_id
            WHERE l.sales_qualified_at IS NOT NULL AND a.deleted_at IS NULL ORDER BY a.id
            """, cancellationToken: Cancellation));
        foreach (var (id, at) in justBefore.Where((_, i) => i % 7 == 0))
        {
            await connection.ExecuteAsync(new CommandDefinition("UPDATE activities SET occurred_at = @At WHERE id = @id",
                new { At = at.AddMilliseconds(-1), id }, cancellationToken: Cancellation));
        }

        await Execute("""
            UPDATE activities SET lead_id = (SELECT MIN(CAST(l.id AS VARCHAR(36))) FROM leads l WHERE l.sales_qualified_at IS NOT NULL)
            WHERE lead_id IS NOT NULL AND {pick} = '5'
            """);
        // Leads soft-deleted, some restored, reassigned, re-qualified at creation, at their first activity, never, and later.
        await Execute("UPDATE leads SET deleted_at = @now WHERE {pick} IN ('6', '7')", new { now });
        await Execute("UPDATE leads SET deleted_at = NULL WHERE deleted_at IS NOT NULL AND {pick} = '6'");
        await Execute("UPDATE leads SET owner_id = (SELECT MIN(CAST(id AS VARCHAR(36))) FROM users WHERE role = 'rep') WHERE {pick} IN ('8', '9')");
        await Execute("UPDATE activities SET owner_id = (SELECT l.owner_id FROM leads l WHERE l.id = activities.lead_id) WHERE lead_id IS NOT NULL"); // the API's invariant
        await Execute("UPDATE leads SET sales_qualified_at = created_at WHERE {pick} = 'a'");
        await Execute("UPDATE leads SET sales_qualified_at = (SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = leads.id) WHERE {pick} = 'b'");
        await Execute("UPDATE leads SET sales_qualified_at = NULL WHERE {pick} = 'c'");
        var later = await connection.QueryAsync<(Guid Id, DateTimeOffset CreatedAt)>(new CommandDefinition(
            "SELECT id, created_at FROM leads WHERE sales_qualified_at IS NULL ORDER BY id", cancellationToken: Cancellation));
        foreach (var (id, createdAt) in later.Where((_, i) => i % 3 == 0))
        {
            await connection.ExecuteAsync(new CommandDefinition("UPDATE leads SET sales_qualified_at = @At WHERE id = @id",
                new { At = createdAt.AddHours(30), id }, cancellationToken: Cancellation));
        }

        // A first response for some unanswered qualified leads, hours after qualifying (and one just before, which never counts).
        var unanswered = (await connection.QueryAsync<(Guid Id, DateTimeOffset QualifiedAt)>(new CommandDefinition("""
            SELECT l.id, l.sales_qualified_at FROM leads l
            WHERE l.sales_qualified_at IS NOT NULL AND l.deleted_at IS NULL AND l.qualified_response_at IS NULL ORDER BY l.id
            """, cancellationToken: Cancellation))).ToList();
        Assert.True(unanswered.Count >= 2, $"{unanswered.Count} unanswered");
        var template = await connection.QueryFirstAsync<Guid>(new CommandDefinition("SELECT id FROM activities ORDER BY id", cancellationToken: Cancellation));
        foreach (var ((leadId, qualifiedAt), i) in unanswered.Take(12).Select((l, i) => (l, i)))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO activities (id, type, owner_id, team_id, occurred_at, lead_id, created_at, created_by, version)
                SELECT @Id, 'note', a.owner_id, a.team_id, @At, @leadId, a.created_at, a.created_by, 1
                FROM activities a WHERE a.id = @template
                """, new { Id = Guid.NewGuid(), At = i == 0 ? qualifiedAt.AddMilliseconds(-1) : qualifiedAt.AddHours((3 * i) - 2.5), leadId, template },
                cancellationToken: Cancellation));
        }

        await AssertQualifiedRollupMatchesAsync(connection);

        // Its rebuild (a version bump, a zone change) recomputes the responses and the rollup from the records alone.
        await Execute("UPDATE qualified_lead_days SET leads = leads + 3, response_ms = response_ms + 11");
        await Execute("UPDATE leads SET qualified_response_at = created_at WHERE {pick} IN ('d', 'e')");
        foreach (var statement in QualifiedLeadDayRollup.Statements)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement.For(Connections.Dialect), cancellationToken: Cancellation));
        }

        await AssertQualifiedRollupMatchesAsync(connection);
    }

    private static long HourOf(long? ms) => ms is not { } m ? -1 : (m + MillisecondsPerHour - 1) / MillisecondsPerHour;

    private async Task AssertQualifiedRollupMatchesAsync(System.Data.Common.DbConnection connection)
    {
        // The stored response of every lead is its first live activity at or after it qualified.
        Assert.Equal(0, await Count(connection, """
            SELECT COUNT(*) FROM leads l
            WHERE (l.qualified_response_at IS NULL AND EXISTS (SELECT 1 FROM activities a WHERE a.lead_id = l.id AND a.deleted_at IS NULL AND a.occurred_at >= l.sales_qualified_at))
               OR (l.qualified_response_at IS NOT NULL
                   AND (l.sales_qualified_at IS NULL
                        OR l.qualified_response_at <> (SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = l.id AND a.deleted_at IS NULL AND a.occurred_at >= l.sales_qualified_at)))
            """));

        var zone = TimeZoneInfo.FindSystemTimeZoneById(await connection.QuerySingleAsync<string>("SELECT time_zone FROM metric_calendar_zone"));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);
        var leads = (await connection.QueryAsync<RawLead>(new CommandDefinition("""
            SELECT l.owner_id AS OwnerId, u.team_id AS TeamId, l.sales_qualified_at AS QualifiedAt,
                   (SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = l.id AND a.deleted_at IS NULL AND a.occurred_at >= l.sales_qualified_at) AS RespondedAt
            FROM leads l JOIN users u ON u.id = l.owner_id
            WHERE l.deleted_at IS NULL AND l.sales_qualified_at IS NOT NULL
            """, cancellationToken: Cancellation))).ToList();
        Assert.Contains(leads, l => l.ResponseMs > MillisecondsPerHour);
        Assert.Contains(leads, l => l.ResponseMs is null);

        // The rollup's rows, per owner and for the organisation, are the leads grouped by local day of qualification and hour.
        var raw = leads.Select(l => (Owner: l.OwnerId, l.QualifiedAt, l.ResponseMs))
            .Concat(leads.Select(l => (Owner: Guid.Empty, l.QualifiedAt, l.ResponseMs)))
            .GroupBy(l => (l.Owner, Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(l.QualifiedAt, zone).DateTime), Hour: HourOf(l.ResponseMs)))
            .Select(g => (g.Key.Owner, g.Key.Day, g.Key.Hour, Leads: (long)g.Count(), ResponseMs: g.Sum(l => l.ResponseMs ?? 0)))
            .Order().ToList();
        var rolled = (await connection.QueryAsync<RollupRow>(new CommandDefinition("""
            SELECT owner_id AS OwnerId, day AS Day, response_hour AS Hour, leads AS Leads, response_ms AS ResponseMs
            FROM qualified_lead_days WHERE leads <> 0 OR response_ms <> 0
            """, cancellationToken: Cancellation)))
            .Select(r => (r.OwnerId, r.Day, r.Hour, r.Leads, r.ResponseMs)).Order().ToList();
        Assert.Equal(raw, rolled);

        // The store's figures for several windows, a rep and a team: the leads' own.
        var rep = leads.Select(l => l.OwnerId).Min();
        var team = leads.Where(l => l.TeamId is not null).Select(l => l.TeamId!.Value).Min();
        var scopes = new[]
        {
            MetricScope.Create(MetricSubject.Organisation, null, today.AddDays(-70), today.AddDays(2), Bucket.Week, zone),
            MetricScope.Create(new MetricSubject(null, rep), null, today.AddDays(-60), today.AddDays(1), Bucket.Week, zone),
            MetricScope.Create(new MetricSubject(team, null), null, today.AddDays(-20), today.AddDays(2), Bucket.Day, zone),
            MetricScope.Create(MetricSubject.Organisation, null, today.AddDays(-9), today.AddDays(-2), Bucket.Day, zone),
            MetricScope.Create(new MetricSubject(null, rep), null, today.AddDays(-45), today.AddDays(-10), null, zone),
        };
        var store = new LeadScoringMetricsStore(Connections);
        var middlesRead = 0;
        foreach (var scope in scopes)
        {
            var rows = await store.QualifiedResponsesAsync(scope, Cancellation);
            var hours = rows.Hours.ToLookup(h => h.Span);
            var middles = rows.Middles.ToLookup(m => m.Span);
            foreach (var span in scope.Spans)
            {
                var inSpan = leads.Where(l => l.QualifiedAt >= span.FromUtc && l.QualifiedAt < span.ToUtc
                    && (scope.Subject.UserId is not { } u || l.OwnerId == u) && (scope.Subject.TeamId is not { } t || l.TeamId == t)).ToList();
                var responseMs = inSpan.Where(l => l.ResponseMs is not null).Select(l => l.ResponseMs!.Value).ToList();
                var expected = new QualifiedLeadResponse(
                    inSpan.Count, responseMs.Count, inSpan.Count - responseMs.Count,
                    Ratio.Of(responseMs.Sum() / (double)MillisecondsPerHour, responseMs.Count),
                    Ratio.Median(responseMs.Select(ms => ms / (double)MillisecondsPerHour)));
                Assert.Equal(expected, QualifiedResponseHours.Figures([.. hours[span.Index]], [.. middles[span.Index]]));
            }

            middlesRead += rows.Middles.Count;
        }

        Assert.True(middlesRead > 0);
    }

    private sealed class RawLead
    {
        public Guid OwnerId { get; init; }

        public Guid? TeamId { get; init; }

        public DateTimeOffset QualifiedAt { get; init; }

        public DateTimeOffset? RespondedAt { get; init; }

        public long? ResponseMs => RespondedAt is { } at ? (long)(at - QualifiedAt).TotalMilliseconds : null;
    }

    private sealed class RollupRow
    {
        public Guid OwnerId { get; init; }

        public DateOnly Day { get; init; }

        public long Hour { get; init; }

        public long Leads { get; init; }

        public long ResponseMs { get; init; }
    }
}

public sealed class SqliteQualifiedLeadRollupTests(SqliteDatabase database)
    : QualifiedLeadRollupTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerQualifiedLeadRollupTests(SqlServerDatabase database)
    : QualifiedLeadRollupTests(database), IClassFixture<SqlServerDatabase>;
