using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Activity;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>Section A: activity counts per span, the per-rep mix, and the records behind each figure.</summary>
public sealed class ActivityMetricsStore(IDbConnectionFactory connections) : MetricStore(connections), IActivityMetricsStore
{
    /// <summary>Calls, emails, meetings and notes from the day rollups (activity_days, kept exact by triggers): a row per local day and owner, and per day for the organisation.</summary>
    public static readonly Sql CountActivities = new($"""
        SELECT s.idx AS Idx,
               SUM(d.outbound_calls) AS OutboundCalls, SUM(d.inbound_calls) AS InboundCalls, SUM(d.connected_calls) AS ConnectedCalls,
               SUM(d.emails_sent) AS EmailsSent, SUM(d.email_replies) AS EmailReplies,
               SUM(d.meetings_booked) AS MeetingsBooked, SUM(d.meetings_held) AS MeetingsHeld, SUM(d.notes) AS Notes
        FROM {"{spans}"} s
        JOIN activity_days d ON d.day >= s.from_day AND d.day < s.to_day
        WHERE {MetricSql.RollupOwners("d.owner_id")}
        GROUP BY s.idx
        """);

    /// <summary>Opportunities created, from the day rollup (opportunity_days, kept exact by triggers): one row per owner, pipeline and local day.</summary>
    public static readonly Sql CountOpportunities = new($"""
        SELECT s.idx AS Idx, SUM(d.created) AS OpportunitiesCreated
        FROM {"{spans}"} s
        JOIN opportunity_days d ON d.day >= s.from_day AND d.day < s.to_day
        WHERE {MetricSql.RollupOwners("d.owner_id")}
        GROUP BY s.idx
        """);

    /// <summary>
    /// The local day of @Now and the instant it starts: days before it ended before now, so their still-open due
    /// follow-ups are overdue. (One MAX, so the calendar's index finds it instead of scanning every earlier day.)
    /// </summary>
    private const string Today = """
        (SELECT mc.day, mc.starts_at FROM metric_calendar mc
         WHERE mc.starts_at = (SELECT MAX(tc.starts_at) FROM metric_calendar tc WHERE tc.starts_at <= @Now))
        """;

    /// <summary>
    /// Due follow-ups from the day rollups (follow_up_days, kept exact by triggers), and the overdue ones of the days before
    /// today; today's overdue part is <see cref="CountFollowUpsOverdueToday"/>.
    /// </summary>
    public static readonly Sql CountFollowUpsDue = new($"""
        SELECT s.idx AS Idx, SUM(d.due) AS FollowUpsDue, SUM(CASE WHEN d.day < t.day THEN d.open_due ELSE 0 END) AS FollowUpsOverdue
        FROM {"{spans}"} s
        CROSS JOIN {Today} t
        JOIN follow_up_days d ON d.day >= s.from_day AND d.day < s.to_day
        WHERE {MetricSql.RollupOwners("d.owner_id")}
        GROUP BY s.idx
        """);

    /// <summary>
    /// Open follow-ups due today before @Now: the one part of a window read from the records. Each span reads the due-time
    /// index over its overlap with [start of today, @Now) only, so a span that ends before today reads nothing. (Joining
    /// today's follow-ups to the spans instead tested every one against every span, each test reading the spans' JSON:
    /// 10-40 ms for the organisation on the large database, for windows that cannot hold any of them.)
    /// </summary>
    public static readonly Sql CountFollowUpsOverdueToday = new($"""
        SELECT s.idx AS Idx, COUNT(*) AS FollowUpsOverdue
        FROM {"{spans}"} s
        CROSS JOIN {Today} t
        JOIN follow_ups f ON f.due_at >= CASE WHEN s.from_at > t.starts_at THEN s.from_at ELSE t.starts_at END
                         AND f.due_at < CASE WHEN s.to_at < @Now THEN s.to_at ELSE @Now END
        WHERE f.status = 'open' AND f.deleted_at IS NULL AND {MetricSql.Subject("f.owner_id")}
        GROUP BY s.idx
        """);

    public static readonly Sql CountFollowUpsCompleted = new($"""
        SELECT s.idx AS Idx, SUM(d.completed) AS FollowUpsCompleted
        FROM {"{spans}"} s
        JOIN follow_up_days d ON d.day >= s.from_day AND d.day < s.to_day
        WHERE {MetricSql.RollupOwners("d.owner_id")}
        GROUP BY s.idx
        """);

    /// <summary>
    /// Each rep's calls, emails, meetings and notes in the window: its whole months from the month rollup (owner_months, a row
    /// per rep and month), the days around them from activity_days, so the organisation's quarter reads 3 rows per rep, not 90.
    /// </summary>
    public static readonly Sql Mix = new($"""
        SELECT u.id AS UserId, u.display_name AS DisplayName, u.team_id AS TeamId,
               COALESCE(f.Calls, 0) AS Calls, COALESCE(f.Emails, 0) AS Emails, COALESCE(f.Meetings, 0) AS Meetings, COALESCE(f.Notes, 0) AS Notes,
               COALESCE(f.Calls + f.Emails + f.Meetings + f.Notes, 0) AS Total
        FROM users u
        LEFT JOIN (SELECT p.owner_id AS OwnerId, SUM(p.calls) AS Calls, SUM(p.emails) AS Emails, SUM(p.meetings) AS Meetings, SUM(p.notes) AS Notes
                   FROM (SELECT m.owner_id, m.calls, m.emails, m.meetings, m.notes
                         FROM owner_months m
                         WHERE m.month >= @MonthsFrom AND m.month < @MonthsTo AND {MetricSql.Subject("m.owner_id")}
                         UNION ALL
                         SELECT d.owner_id, d.outbound_calls + d.inbound_calls, d.emails_sent + d.emails_received, d.meetings, d.notes
                         FROM {OwnerMonthWindow.EdgeDays} e
                         JOIN activity_days d ON d.day >= e.from_day AND d.day < e.to_day
                         WHERE d.owner_id <> @OrganisationOwner AND {MetricSql.Subject("d.owner_id")}) p
                   GROUP BY p.owner_id) f ON f.OwnerId = u.id
        WHERE u.role <> 'admin' AND {MetricSql.Subject("u.id")}
        ORDER BY COALESCE(f.Calls + f.Emails + f.Meetings + f.Notes, 0) DESC, u.display_name, u.id
        """);

    /// <summary>
    /// The activities behind a figure counted at their start (all but meetings booked): the conditions the day rollup
    /// (activity_days) counts them by, the figure's as a filter on each activity read. The organisation's are read in start
    /// order from ix_activities_occurred, each member's from ix_activities_owner.
    /// </summary>
    public static readonly SubjectSql ExplainActivities = ExplainActivitiesBy("a.occurred_at", """
        (   (@Figure = 'calls' AND a.type = 'call')
         OR (@Figure = 'outbound_calls' AND a.type = 'call' AND a.direction = 'outbound')
         OR (@Figure = 'inbound_calls' AND a.type = 'call' AND a.direction = 'inbound')
         OR (@Figure = 'connected_calls' AND a.type = 'call' AND a.outcome = 'connected')
         OR (@Figure = 'emails_sent' AND a.type = 'email' AND a.direction = 'outbound')
         OR (@Figure = 'email_replies' AND a.type = 'email' AND a.direction = 'outbound' AND a.replied_at IS NOT NULL)
         OR (@Figure = 'meetings_held' AND a.type = 'meeting' AND a.outcome = 'held')
         OR (@Figure = 'notes' AND a.type = 'note'))
        """);

    /// <summary>The meetings booked in the window, by booked_at (migration 0045): ix_activities_booked, each member's ix_activities_owner_booked.</summary>
    public static readonly SubjectSql ExplainMeetingsBooked = ExplainActivitiesBy("a.booked_at", "a.type = 'meeting'");

    /// <summary>The opportunities created in the window: ix_opportunities_created, each member's ix_opportunities_owner_created.</summary>
    public static readonly SubjectSql ExplainOpportunities = ExplainRecords(
        "'opportunity' AS Kind, o.id AS Id, o.created_at AS At, o.owner_id AS OwnerId, o.name AS Label, o.amount AS Amount, NULL AS Value, o.id AS OpportunityId",
        "opportunities", "o", "o.created_at", "o.deleted_at IS NULL");

    /// <summary>The follow-ups completed in the window: ix_follow_ups_completed_due, each member's ix_follow_ups_owner_completed.</summary>
    public static readonly SubjectSql ExplainFollowUpsCompleted = ExplainFollowUpsBy("f.completed_at", "f.status = 'completed'");

    /// <summary>
    /// The follow-ups due in the window that were not cancelled: open or completed, the only other statuses. The organisation's
    /// from ix_follow_ups_due; a rep's or team's merged from each member's open and completed ones, each a range of
    /// ix_follow_ups_owner (owner, status, due time) in due order (both statuses in one read would be sorted whole).
    /// </summary>
    public static readonly SubjectSql ExplainFollowUpsDue = ExplainRecordsByValue(
        FollowUpColumns("f.due_at"), "follow_ups", "f", "f.due_at", "f.status IN ('open', 'completed') AND f.deleted_at IS NULL",
        "f.status", "open", "completed");

    /// <summary>The open follow-ups due in the window before @Now: ix_follow_ups_open_due (open ones only), each member's ix_follow_ups_owner.</summary>
    public static readonly SubjectSql ExplainFollowUpsOverdue = ExplainFollowUpsBy("f.due_at", "f.status = 'open' AND f.due_at < @Now");

    public async Task<IReadOnlyDictionary<int, LoggedActivityCounts>> CountLoggedAsync(MetricScope scope, CancellationToken cancellationToken) =>
        (await SpanQueryAsync<ActivityRow>(CountActivities, scope, DateTimeOffset.UtcNow, null, cancellationToken)).ToDictionary(
            r => r.Idx,
            r => new LoggedActivityCounts(r.OutboundCalls, r.InboundCalls, r.ConnectedCalls, r.EmailsSent, r.EmailReplies, r.MeetingsBooked, r.MeetingsHeld, r.Notes));

    public async Task<IReadOnlyDictionary<int, ActivityCounts>> CountAsync(MetricScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var activities = await CountLoggedAsync(scope, cancellationToken);
        var opportunities = (await SpanQueryAsync<SpanCount>(CountOpportunities, scope, now, null, cancellationToken)).ToDictionary(r => r.Idx, r => r.OpportunitiesCreated);
        var followUps = (await SpanQueryAsync<FollowUpRow>(CountFollowUpsDue, scope, now, null, cancellationToken)).ToDictionary(r => r.Idx);
        var overdueToday = (await SpanQueryAsync<FollowUpRow>(CountFollowUpsOverdueToday, scope, now, null, cancellationToken)).ToDictionary(r => r.Idx, r => r.FollowUpsOverdue);
        var completed = (await SpanQueryAsync<SpanCount>(CountFollowUpsCompleted, scope, now, null, cancellationToken)).ToDictionary(r => r.Idx, r => r.FollowUpsCompleted);
        return scope.Spans.ToDictionary(s => s.Index, s =>
        {
            var a = activities.GetValueOrDefault(s.Index) ?? LoggedActivityCounts.Empty;
            var f = followUps.GetValueOrDefault(s.Index) ?? new FollowUpRow();
            return new ActivityCounts(
                a.OutboundCalls, a.InboundCalls, a.ConnectedCalls, a.EmailsSent, a.EmailReplies,
                a.MeetingsBooked, a.MeetingsHeld, opportunities.GetValueOrDefault(s.Index), a.Notes,
                completed.GetValueOrDefault(s.Index), f.FollowUpsDue, f.FollowUpsOverdue + overdueToday.GetValueOrDefault(s.Index));
        });
    }

    /// <summary>
    /// Read into a class, not the positional record: with no rows (a team without members), SQLite reports the computed
    /// columns as BLOB, and Dapper, which picks a constructor from the column types before the first row, finds none.
    /// </summary>
    public async Task<IReadOnlyList<ActivityMixRow>> MixAsync(MetricScope scope, CancellationToken cancellationToken) =>
        [.. (await SpanQueryAsync<MixRow>(Mix, scope, DateTimeOffset.UtcNow, OwnerMonthWindow.Parameters(scope), cancellationToken))
            .Select(r => new ActivityMixRow(r.UserId, r.DisplayName, r.TeamId, r.Calls, r.Emails, r.Meetings, r.Notes, r.Total))];

    public Task<Page<MetricRecord>> ExplainAsync(ExplainRequest<ActivityFigure> request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sql = request.Figure switch
        {
            ActivityFigure.MeetingsBooked => ExplainMeetingsBooked,
            ActivityFigure.OpportunitiesCreated => ExplainOpportunities,
            ActivityFigure.FollowUpsCompleted => ExplainFollowUpsCompleted,
            ActivityFigure.FollowUpsDue => ExplainFollowUpsDue,
            ActivityFigure.FollowUpsOverdue => ExplainFollowUpsOverdue,
            _ => ExplainActivities,
        };
        return ExplainAsync(sql.For(request.Scope.Subject), request, now, null, cancellationToken);
    }

    /// <summary>The live activities that meet <paramref name="condition"/>, a page by their instant <paramref name="at"/>.</summary>
    private static SubjectSql ExplainActivitiesBy(string at, string condition) => ExplainRecords(
        $"""
        'activity' AS Kind, a.id AS Id, {at} AS At, a.owner_id AS OwnerId, COALESCE(a.subject, a.type) AS Label, NULL AS Amount,
        CAST(a.duration_seconds AS FLOAT) AS Value, a.opportunity_id AS OpportunityId
        """,
        "activities", "a", at, $"a.deleted_at IS NULL AND {condition}");

    /// <summary>The live follow-ups that meet <paramref name="condition"/>, a page by their instant <paramref name="at"/>.</summary>
    private static SubjectSql ExplainFollowUpsBy(string at, string condition) => ExplainRecords(
        FollowUpColumns(at), "follow_ups", "f", at, $"{condition} AND f.deleted_at IS NULL");

    private static string FollowUpColumns(string at) =>
        $"'follow_up' AS Kind, f.id AS Id, {at} AS At, f.owner_id AS OwnerId, f.channel AS Label, NULL AS Amount, NULL AS Value, f.opportunity_id AS OpportunityId";

    private sealed class ActivityRow
    {
        public int Idx { get; init; }

        public long OutboundCalls { get; init; }

        public long InboundCalls { get; init; }

        public long ConnectedCalls { get; init; }

        public long EmailsSent { get; init; }

        public long EmailReplies { get; init; }

        public long MeetingsBooked { get; init; }

        public long MeetingsHeld { get; init; }

        public long Notes { get; init; }
    }

    private sealed class FollowUpRow
    {
        public int Idx { get; init; }

        public long FollowUpsDue { get; init; }

        public long FollowUpsOverdue { get; init; }
    }

    private sealed class SpanCount
    {
        public int Idx { get; init; }

        public long OpportunitiesCreated { get; init; }

        public long FollowUpsCompleted { get; init; }
    }

    private sealed class MixRow
    {
        public Guid UserId { get; init; }

        public string DisplayName { get; init; } = "";

        public Guid? TeamId { get; init; }

        public long Calls { get; init; }

        public long Emails { get; init; }

        public long Meetings { get; init; }

        public long Notes { get; init; }

        public long Total { get; init; }
    }
}
