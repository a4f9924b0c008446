using System.Globalization;
using Dapper;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.LeadScoring;
using SalesCrm.Application.Metrics.Activity;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.SellingTime;
using SalesCrm.Domain.Common;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.LeadScoring;
using SalesCrm.Infrastructure.Metrics;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// The explain pages of the activity, selling-time and lead-scoring figures read one statement per figure shape, a page
/// from its cursor on (the records' instant as a range, keyset inside it). Walked page by page at a small size, they must
/// list exactly the records, in the same order, of the one generic statement each area had before (kept here as the
/// oracle, read whole): for the organisation, a rep and a team, on a generated history whose instants are cut to whole days
/// (hours for when a meeting was recorded), so many records tie on their instant across page boundaries.
/// </summary>
public abstract class ActivityExplainPagingTests(TestDatabase database) : GeneratedHistoryTests(database)
{
    private const int PageSize = 7;

    private const string OldPageEnd =
        "WHERE (@AfterAt IS NULL OR x.At > @AfterAt OR (x.At = @AfterAt AND x.Id > @AfterId)) ORDER BY x.At, x.Id {limit}";

    private const string OldBookedAt = "CASE WHEN a.occurred_at < a.created_at THEN a.occurred_at ELSE a.created_at END";

    private static readonly string OldActivities = $"""
        SELECT * FROM (
            SELECT 'activity' AS Kind, a.id AS Id, CASE WHEN @Figure = 'meetings_booked' THEN {OldBookedAt} ELSE a.occurred_at END AS At,
                   a.owner_id AS OwnerId, COALESCE(a.subject, a.type) AS Label, NULL AS Amount, CAST(a.duration_seconds AS FLOAT) AS Value,
                   a.opportunity_id AS OpportunityId
            FROM activities a
            WHERE a.deleted_at IS NULL AND {MetricSql.Subject("a.owner_id")}
              AND CASE WHEN @Figure = 'meetings_booked' THEN {OldBookedAt} ELSE a.occurred_at END >= @WindowFrom
              AND CASE WHEN @Figure = 'meetings_booked' THEN {OldBookedAt} ELSE a.occurred_at END < @WindowTo
              AND (   (@Figure = 'calls' AND a.type = 'call')
                   OR (@Figure = 'outbound_calls' AND a.type = 'call' AND a.direction = 'outbound')
                   OR (@Figure = 'inbound_calls' AND a.type = 'call' AND a.direction = 'inbound')
                   OR (@Figure = 'connected_calls' AND a.type = 'call' AND a.outcome = 'connected')
                   OR (@Figure = 'emails_sent' AND a.type = 'email' AND a.direction = 'outbound')
                   OR (@Figure = 'email_replies' AND a.type = 'email' AND a.direction = 'outbound' AND a.replied_at IS NOT NULL)
                   OR (@Figure = 'meetings_booked' AND a.type = 'meeting')
                   OR (@Figure = 'meetings_held' AND a.type = 'meeting' AND a.outcome = 'held')
                   OR (@Figure = 'notes' AND a.type = 'note'))
        ) x
        {OldPageEnd}
        """;

    private static readonly string OldOpportunities = $"""
        SELECT * FROM (
            SELECT 'opportunity' AS Kind, o.id AS Id, o.created_at AS At, o.owner_id AS OwnerId, o.name AS Label, o.amount AS Amount,
                   NULL AS Value, o.id AS OpportunityId
            FROM opportunities o
            WHERE o.deleted_at IS NULL AND {MetricSql.Subject("o.owner_id")} AND o.created_at >= @WindowFrom AND o.created_at < @WindowTo
        ) x
        {OldPageEnd}
        """;

    private static readonly string OldFollowUps = $"""
        SELECT * FROM (
            SELECT 'follow_up' AS Kind, f.id AS Id, CASE WHEN @Figure = 'follow_ups_completed' THEN f.completed_at ELSE f.due_at END AS At,
                   f.owner_id AS OwnerId, f.channel AS Label, NULL AS Amount, NULL AS Value, f.opportunity_id AS OpportunityId
            FROM follow_ups f
            WHERE f.deleted_at IS NULL AND {MetricSql.Subject("f.owner_id")}
              AND (   (@Figure = 'follow_ups_completed' AND f.status = 'completed' AND f.completed_at >= @WindowFrom AND f.completed_at < @WindowTo)
                   OR (@Figure = 'follow_ups_due' AND f.status <> 'cancelled' AND f.due_at >= @WindowFrom AND f.due_at < @WindowTo)
                   OR (@Figure = 'follow_ups_overdue' AND f.status = 'open' AND f.due_at >= @WindowFrom AND f.due_at < @WindowTo AND f.due_at < @Now))
        ) x
        {OldPageEnd}
        """;

    private static readonly string OldSellingTime = $"""
        SELECT * FROM (
            SELECT 'activity' AS Kind, a.id AS Id, a.occurred_at AS At, a.owner_id AS OwnerId, COALESCE(a.subject, a.type) AS Label,
                   NULL AS Amount, CAST(a.duration_seconds AS FLOAT) / 60 AS Value, a.opportunity_id AS OpportunityId
            FROM activities a
            WHERE a.deleted_at IS NULL AND a.type IN ('call', 'email', 'meeting')
              AND (a.type <> 'meeting' OR (COALESCE(a.outcome, '') <> 'cancelled' AND a.occurred_at < @Now))
              AND {MetricSql.Subject("a.owner_id")} AND a.occurred_at >= @WindowFrom AND a.occurred_at < @WindowTo
              AND (   (@Figure = 'selling_activities' AND a.duration_seconds IS NOT NULL)
                   OR (@Figure = 'activities_without_duration' AND a.duration_seconds IS NULL))
        ) x
        {OldPageEnd}
        """;

    private static readonly Sql OldLeadScoring = new(
        OldLeadScoringText("CAST(q.first_at - q.counted_at AS FLOAT) / 3600000.0"),
        OldLeadScoringText("CAST(DATEDIFF_BIG(MILLISECOND, q.counted_at, q.first_at) AS FLOAT) / 3600000.0"));

    [Fact]
    public async Task Every_page_of_every_figure_lists_the_records_of_the_generic_statement_in_order()
    {
        await using var connection = await GenerateAsync(Tiny with { Days = 60, Seed = 29 });
        await CutInstantsAsync(connection);
        await GeneratedHistoryEdits.DeleteAndReassignAsync(connection, Connections.Dialect, Now);
        var rep = await connection.QueryFirstAsync<Guid>(new CommandDefinition(
            "SELECT owner_id FROM activities ORDER BY owner_id", cancellationToken: Cancellation));
        var team = await connection.QueryFirstAsync<Guid>(new CommandDefinition(
            "SELECT team_id FROM users WHERE id = @rep", new { rep }, cancellationToken: Cancellation));
        var activity = new ActivityMetricsStore(Connections);
        var sellingTime = new SellingTimeMetricsStore(Connections);
        var leadScoring = new LeadScoringMetricsStore(Connections);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var tiesAcrossPages = 0;
        foreach (var subject in new[] { MetricSubject.Organisation, new MetricSubject(null, rep), new MetricSubject(team, null) })
        {
            foreach (var (from, to) in new[] { (today.AddDays(-45), today.AddDays(30)), (today.AddDays(-20), today.AddDays(-10)) })
            {
                var scope = MetricScope.Create(subject, null, from, to, null, TimeZoneInfo.Utc);
                foreach (var figure in Enum.GetValues<ActivityFigure>())
                {
                    var old = figure switch
                    {
                        ActivityFigure.OpportunitiesCreated => OldOpportunities,
                        ActivityFigure.FollowUpsCompleted or ActivityFigure.FollowUpsDue or ActivityFigure.FollowUpsOverdue => OldFollowUps,
                        _ => OldActivities,
                    };
                    tiesAcrossPages += await AssertPagesAsync(
                        connection, new Sql(old), scope, figure, after => activity.ExplainAsync(new(scope, figure, PageSize, after), Now, Cancellation));
                }

                foreach (var figure in Enum.GetValues<SellingTimeFigure>())
                {
                    tiesAcrossPages += await AssertPagesAsync(
                        connection, new Sql(OldSellingTime), scope, figure, after => sellingTime.ExplainAsync(new(scope, figure, PageSize, after), Now, Cancellation));
                }

                foreach (var figure in Enum.GetValues<LeadScoringFigure>())
                {
                    tiesAcrossPages += await AssertPagesAsync(
                        connection, OldLeadScoring, scope, figure, after => leadScoring.ExplainAsync(new(scope, figure, PageSize, after), Cancellation));
                }
            }
        }

        Assert.True(tiesAcrossPages > 50, $"only {tiesAcrossPages} page boundaries fell between records tied on their instant");
    }

    [Fact]
    public async Task A_window_without_records_is_an_empty_page_without_a_cursor_and_a_cursor_before_the_window_starts_at_it()
    {
        await using var connection = await GenerateAsync(Tiny with { Days = 60, Seed = 29 });
        var activity = new ActivityMetricsStore(Connections);
        var sellingTime = new SellingTimeMetricsStore(Connections);
        var leadScoring = new LeadScoringMetricsStore(Connections);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var rep = await connection.QueryFirstAsync<Guid>(new CommandDefinition(
            "SELECT owner_id FROM activities ORDER BY owner_id", cancellationToken: Cancellation));
        var team = await connection.QueryFirstAsync<Guid>(new CommandDefinition(
            "SELECT team_id FROM users WHERE id = @rep", new { rep }, cancellationToken: Cancellation));
        foreach (var subject in new[] { MetricSubject.Organisation, new MetricSubject(null, rep), new MetricSubject(team, null) })
        {
            var empty = MetricScope.Create(subject, null, today.AddYears(-3), today.AddYears(-2), null, TimeZoneInfo.Utc);
            foreach (var figure in Enum.GetValues<ActivityFigure>())
            {
                AssertEmpty(await activity.ExplainAsync(new(empty, figure, PageSize, null), Now, Cancellation));
            }

            foreach (var figure in Enum.GetValues<SellingTimeFigure>())
            {
                AssertEmpty(await sellingTime.ExplainAsync(new(empty, figure, PageSize, null), Now, Cancellation));
            }

            foreach (var figure in Enum.GetValues<LeadScoringFigure>())
            {
                AssertEmpty(await leadScoring.ExplainAsync(new(empty, figure, PageSize, null), Cancellation));
            }
        }

        // A cursor from another, earlier window: the page still starts at this window's start, as the generic statement's did.
        var scope = MetricScope.Create(MetricSubject.Organisation, null, today.AddDays(-20), today, null, TimeZoneInfo.Utc);
        var first = await activity.ExplainAsync(new(scope, ActivityFigure.Calls, PageSize, null), Now, Cancellation);
        var stale = await activity.ExplainAsync(new(scope, ActivityFigure.Calls, PageSize, new(scope.Whole.FromUtc.AddDays(-5), Guid.Empty)), Now, Cancellation);
        Assert.Equal(PageSize, first.Items.Count);
        Assert.Equal(first.Items, stale.Items);

        static void AssertEmpty(Page<MetricRecord> page)
        {
            Assert.Empty(page.Items);
            Assert.Null(page.NextCursor);
        }
    }

    /// <summary>
    /// Walks every page of a figure and compares them with the old statement's whole list; returns how many page boundaries
    /// fell between two records tied on their instant.
    /// </summary>
    private async Task<int> AssertPagesAsync<TFigure>(
        System.Data.Common.DbConnection connection, Sql old, MetricScope scope, TFigure figure, Func<ExplainPosition?, Task<Page<MetricRecord>>> explain)
        where TFigure : struct, Enum
    {
        var parameters = MetricSql.Parameters(scope, Now);
        parameters.AddDynamicParams(new { Figure = figure.ToName(), AfterAt = (DateTimeOffset?)null, AfterId = (Guid?)null, Limit = 1_000_000 });
        var expected = (await connection.QueryAsync<OracleExplainRow>(new CommandDefinition(old.For(Connections.Dialect), parameters, cancellationToken: Cancellation)))
            .Select(r => r.ToRecord()).ToList();

        var walked = new List<MetricRecord>();
        var ties = 0;
        ExplainPosition? after = null;
        do
        {
            var page = await explain(after);
            Assert.True(page.Items.Count <= PageSize);
            if (walked.Count > 0 && page.Items.Count > 0 && walked[^1].At == page.Items[0].At)
            {
                ties++;
            }

            walked.AddRange(page.Items);
            after = Decode(page.NextCursor);
            Assert.True(after is null || page.Items.Count == PageSize, $"{figure}: a page of {page.Items.Count} with a cursor");
        }
        while (after is not null);

        Assert.True(expected.SequenceEqual(walked), $"{figure} for {scope.Subject} from {scope.Whole.From}: {walked.Count} records walked, {expected.Count} expected");
        return ties;
    }

    private static ExplainPosition? Decode(string? cursor) =>
        KeysetCursor.Decode(cursor) is { } key
            ? new ExplainPosition(DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(key.SortKey, CultureInfo.InvariantCulture)), key.Id)
            : null;

    /// <summary>
    /// Cuts the instants the figures place records by to whole days (when an activity was recorded: to whole hours), and
    /// has about a quarter of the meetings recorded three days before they start (the generator records every activity as it
    /// happens), so meetings are booked both ways.
    /// </summary>
    private async Task CutInstantsAsync(System.Data.Common.DbConnection connection)
    {
        var sqlite = Connections.Dialect == SqlDialect.Sqlite;
        string Day(string column) => sqlite ? $"{column} - {column} % 86400000" : $"CAST(CAST({column} AS DATE) AS DATETIMEOFFSET(3))";
        string Hour(string column) => sqlite ? $"{column} - {column} % 3600000" : $"DATEADD(HOUR, DATEPART(HOUR, {column}), {Day(column)})";
        var threeDaysEarlier = sqlite ? "created_at - 3 * 86400000" : "DATEADD(DAY, -3, created_at)";
        foreach (var sql in new[]
                 {
                     $"UPDATE activities SET occurred_at = {Day("occurred_at")}, created_at = {Hour("created_at")}",
                     $"UPDATE activities SET created_at = {threeDaysEarlier} WHERE type = 'meeting' AND {{pick}} IN ('0', '1', '2', '3')",
                     $"UPDATE follow_ups SET due_at = {Day("due_at")}, completed_at = {Day("completed_at")}",
                     $"UPDATE opportunities SET created_at = {Day("created_at")}",
                     $"UPDATE leads SET created_at = {Day("created_at")}, sales_qualified_at = {Day("sales_qualified_at")}",
                 })
        {
            await EditAsync(connection, sql);
        }

        // Both ways a meeting is booked: recorded before it started (booked when recorded), and recorded after it (at its start).
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM activities WHERE type = 'meeting' AND occurred_at < created_at") > 0);
        Assert.True(await Count(connection, "SELECT COUNT(*) FROM activities WHERE type = 'meeting' AND occurred_at > created_at") > 0);
    }

    private static string OldLeadScoringText(string hours) => $"""
        SELECT * FROM (
            SELECT 'lead' AS Kind, q.id AS Id, q.counted_at AS At, q.owner_id AS OwnerId, q.name AS Label, NULL AS Amount,
                   CASE WHEN @Figure IN ('leads_created', 'leads_converted') THEN CAST(q.score AS FLOAT)
                        WHEN q.first_at IS NULL THEN NULL ELSE {hours} END AS Value,
                   q.converted_opportunity_id AS OpportunityId
            FROM (
                SELECT l.id, l.sales_qualified_at AS counted_at, l.owner_id, l.name, l.score, l.converted_opportunity_id,
                       (SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = l.id AND a.deleted_at IS NULL AND a.occurred_at >= l.sales_qualified_at) AS first_at,
                       0 AS converted
                FROM leads l
                WHERE @Figure IN ('sales_qualified', 'responded')
                  AND l.sales_qualified_at >= @WindowFrom AND l.sales_qualified_at < @WindowTo AND l.deleted_at IS NULL
                  AND {MetricSql.Subject("l.owner_id")}
                UNION ALL
                SELECT l.id, l.created_at AS counted_at, l.owner_id, l.name, l.score, l.converted_opportunity_id,
                       NULL AS first_at, CASE WHEN l.status = 'converted' OR l.converted_opportunity_id IS NOT NULL THEN 1 ELSE 0 END AS converted
                FROM leads l
                WHERE @Figure IN ('leads_created', 'leads_converted')
                  AND l.created_at >= @WindowFrom AND l.created_at < @WindowTo AND l.deleted_at IS NULL
                  AND {MetricSql.Subject("l.owner_id")}
            ) q
            WHERE @Figure IN ('sales_qualified', 'leads_created')
               OR (@Figure = 'responded' AND q.first_at IS NOT NULL)
               OR (@Figure = 'leads_converted' AND q.converted = 1)
        ) x
        {OldPageEnd}
        """;
}

public sealed class SqliteActivityExplainPagingTests(SqliteDatabase database)
    : ActivityExplainPagingTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerActivityExplainPagingTests(SqlServerDatabase database)
    : ActivityExplainPagingTests(database), IClassFixture<SqlServerDatabase>;
