using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.SellingTime;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// Selling time: activity durations from selling_time_days (migration 0028) for the whole days before today and read raw
/// from the start of today (where a meeting counts only once started) — the organisation's through
/// ix_activities_selling_time (covering, by start), a team's or rep's through each member's ix_activities_owner range;
/// per rep still reads the activities, and explain a page of them from its cursor — and time entries through their own
/// start and owner indexes. Every read costs the window, never the history.
/// </summary>
public sealed class SellingTimeMetricsStore(IDbConnectionFactory connections) : MetricStore(connections), ISellingTimeMetricsStore
{
    /// <summary>The activities that are selling time: live calls, emails and meetings; a meeting only once started and not cancelled.</summary>
    private const string Selling = """
        a.deleted_at IS NULL AND a.type IN ('call', 'email', 'meeting')
        AND (a.type <> 'meeting' OR (COALESCE(a.outcome, '') <> 'cancelled' AND a.occurred_at < @Now))
        """;

    private const string Sums = """
        SUM(CAST(CASE WHEN a.type = 'call' THEN COALESCE(a.duration_seconds, 0) ELSE 0 END AS BIGINT)) AS CallSeconds,
        SUM(CAST(CASE WHEN a.type = 'meeting' THEN COALESCE(a.duration_seconds, 0) ELSE 0 END AS BIGINT)) AS MeetingSeconds,
        SUM(CAST(CASE WHEN a.type = 'email' THEN COALESCE(a.duration_seconds, 0) ELSE 0 END AS BIGINT)) AS EmailSeconds,
        SUM(CASE WHEN a.duration_seconds IS NOT NULL THEN 1 ELSE 0 END) AS Timed,
        SUM(CASE WHEN a.type IS NOT NULL AND a.duration_seconds IS NULL THEN 1 ELSE 0 END) AS Untimed
        """;

    private const string KindSums = """
        SUM(CASE WHEN t.kind = 'admin' THEN t.duration_minutes ELSE 0 END) AS AdminMinutes,
        SUM(CASE WHEN t.kind = 'training' THEN t.duration_minutes ELSE 0 END) AS TrainingMinutes,
        SUM(CASE WHEN t.kind = 'internal_meeting' THEN t.duration_minutes ELSE 0 END) AS InternalMeetingMinutes,
        SUM(CASE WHEN t.kind = 'travel' THEN t.duration_minutes ELSE 0 END) AS TravelMinutes,
        COUNT(t.id) AS Entries
        """;

    /// <summary>The local day containing @Now, and the instant it starts: the rollup answers for the days before it.</summary>
    private const string TodayStart = "(SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= @Now)";

    private const string Today = $"(SELECT td.day FROM metric_calendar td WHERE td.starts_at = {TodayStart})";

    /// <summary>A span's activities from the start of today on (the part of the span the rollup does not answer for).</summary>
    private const string FromToday = $"""
        a.occurred_at >= CASE WHEN s.from_at > {TodayStart} THEN s.from_at ELSE {TodayStart} END AND a.occurred_at < s.to_at
        """;

    private const string RolledSums = """
        SUM(d.call_seconds) AS CallSeconds, SUM(d.meeting_seconds) AS MeetingSeconds, SUM(d.email_seconds) AS EmailSeconds,
        SUM(d.timed) AS Timed, SUM(d.untimed) AS Untimed
        """;

    private const string TotalSums = """
        SUM(x.CallSeconds) AS CallSeconds, SUM(x.MeetingSeconds) AS MeetingSeconds, SUM(x.EmailSeconds) AS EmailSeconds,
        SUM(x.Timed) AS Timed, SUM(x.Untimed) AS Untimed
        """;

    /// <summary>
    /// Selling time per span. The organisation's: selling_time_days' organisation rows for the whole days of each span before
    /// today (every meeting of those has started), plus the activities of the span from the start of today, read as before.
    /// A team's or rep's: the members' selling_time_days rows before today, plus their activities from today on (each
    /// member's owner-index range).
    /// </summary>
    public static readonly SubjectSql SellingPerSpan = new(
        new($"""
            SELECT x.Idx AS Idx, {TotalSums}
            FROM (
                SELECT s.idx AS Idx, {RolledSums}
                FROM {"{spans}"} s
                JOIN selling_time_days d ON d.owner_id = @OrganisationOwner AND d.day >= s.from_day AND d.day < s.to_day AND d.day < {Today}
                GROUP BY s.idx
                UNION ALL
                SELECT s.idx AS Idx, {Sums}
                FROM {"{spans}"} s
                JOIN activities a ON {FromToday}
                WHERE {Selling}
                GROUP BY s.idx
            ) x
            GROUP BY x.Idx
            """),
        new($"""
            SELECT x.Idx AS Idx, {TotalSums}
            FROM (
                SELECT s.idx AS Idx, {RolledSums}
                FROM {"{spans}"} s
                CROSS JOIN users u
                JOIN selling_time_days d ON d.owner_id = u.id AND d.day >= s.from_day AND d.day < s.to_day AND d.day < {Today}
                WHERE u.id = @SubjectUserId OR u.team_id = @SubjectTeamId
                GROUP BY s.idx
                UNION ALL
                SELECT s.idx AS Idx, {Sums}
                FROM {"{spans}"} s
                CROSS JOIN users u
                JOIN activities a ON a.owner_id = u.id AND {FromToday}
                WHERE (u.id = @SubjectUserId OR u.team_id = @SubjectTeamId) AND {Selling}
                GROUP BY s.idx
            ) x
            GROUP BY x.Idx
            """));

    /// <summary>
    /// The live time entries of each span by kind, read from the window indexes of migration 0040: the organisation's with
    /// no owner filter, a rep's or team's by each member's window sought by the owner-first index.
    /// </summary>
    public static readonly SubjectSql NonSelling = SubjectSql.Owners("t.owner_id", NonSellingWhere);

    public static readonly Sql SellingPerRep = new($"""
        SELECT u.id AS UserId, u.display_name AS DisplayName, u.team_id AS TeamId, {Sums}
        FROM users u
        LEFT JOIN activities a ON a.owner_id = u.id AND a.occurred_at >= @WindowFrom AND a.occurred_at < @WindowTo AND {Selling}
        WHERE u.role <> 'admin' AND {MetricSql.Subject("u.id")}
        GROUP BY u.id, u.display_name, u.team_id
        ORDER BY u.display_name, u.id
        """);

    public static readonly Sql NonSellingPerRep = new($"""
        SELECT t.owner_id AS OwnerId, {KindSums}
        FROM time_entries t
        WHERE t.deleted_at IS NULL AND t.occurred_at >= @WindowFrom AND t.occurred_at < @WindowTo AND {MetricSql.Subject("t.owner_id")}
        GROUP BY t.owner_id
        """);

    /// <summary>
    /// The activities behind the figures: the same conditions as <see cref="SellingPerSpan"/>; Value is the duration in
    /// minutes. The organisation's are read in start order from ix_activities_occurred, each member's from ix_activities_owner.
    /// </summary>
    public static readonly SubjectSql Explain = ExplainRecords(
        """
        'activity' AS Kind, a.id AS Id, a.occurred_at AS At, a.owner_id AS OwnerId, COALESCE(a.subject, a.type) AS Label,
        NULL AS Amount, CAST(a.duration_seconds AS FLOAT) / 60 AS Value, a.opportunity_id AS OpportunityId
        """,
        "activities", "a", "a.occurred_at", $"""
        {Selling}
        AND (   (@Figure = 'selling_activities' AND a.duration_seconds IS NOT NULL)
             OR (@Figure = 'activities_without_duration' AND a.duration_seconds IS NULL))
        """);

    public async Task<IReadOnlyDictionary<int, SellingSeconds>> SellingAsync(MetricScope scope, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await SpanQueryAsync<SellingRow>(SellingPerSpan.For(scope.Subject), scope, now, null, cancellationToken))
            .ToDictionary(r => r.Idx, r => r.ToSeconds());

    /// <summary><see cref="NonSelling"/> for the owners <paramref name="owners"/> names, or every owner for none.</summary>
    private static Sql NonSellingWhere(string? owners) => new($"""
        SELECT s.idx AS Idx, {KindSums}
        FROM {"{spans}"} s
        JOIN time_entries t ON t.occurred_at >= s.from_at AND t.occurred_at < s.to_at
        WHERE t.deleted_at IS NULL{(owners is null ? "" : $" AND {owners}")}
        GROUP BY s.idx
        """);

    public async Task<IReadOnlyDictionary<int, NonSellingMinutes>> NonSellingAsync(MetricScope scope, CancellationToken cancellationToken) =>
        (await SpanQueryAsync<NonSellingRow>(NonSelling.For(scope.Subject), scope, DateTimeOffset.UtcNow, null, cancellationToken))
            .ToDictionary(r => r.Idx, r => r.ToMinutes());

    public async Task<IReadOnlyList<SellingTimeRepRow>> PerRepAsync(MetricScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var selling = await SpanQueryAsync<RepSellingRow>(SellingPerRep, scope, now, null, cancellationToken);
        var nonSelling = (await SpanQueryAsync<NonSellingRow>(NonSellingPerRep, scope, now, null, cancellationToken))
            .ToDictionary(r => r.OwnerId, r => r.ToMinutes());
        return [.. selling.Select(r => new SellingTimeRepRow(
            r.UserId, r.DisplayName, r.TeamId,
            SellingTimeFigures.From(r.ToSeconds(), nonSelling.GetValueOrDefault(r.UserId, NonSellingMinutes.Empty))))];
    }

    public Task<Page<MetricRecord>> ExplainAsync(ExplainRequest<SellingTimeFigure> request, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExplainAsync(Explain.For(request.Scope.Subject), request, now, null, cancellationToken);

    private class SellingRow
    {
        public int Idx { get; init; }

        public long CallSeconds { get; init; }

        public long MeetingSeconds { get; init; }

        public long EmailSeconds { get; init; }

        public long Timed { get; init; }

        public long Untimed { get; init; }

        public SellingSeconds ToSeconds() => new(CallSeconds, MeetingSeconds, EmailSeconds, Timed, Untimed);
    }

    private sealed class RepSellingRow : SellingRow
    {
        public Guid UserId { get; init; }

        public string DisplayName { get; init; } = "";

        public Guid? TeamId { get; init; }
    }

    private sealed class NonSellingRow
    {
        public int Idx { get; init; }

        public Guid OwnerId { get; init; }

        public long AdminMinutes { get; init; }

        public long TrainingMinutes { get; init; }

        public long InternalMeetingMinutes { get; init; }

        public long TravelMinutes { get; init; }

        public long Entries { get; init; }

        public NonSellingMinutes ToMinutes() => new(AdminMinutes, TrainingMinutes, InternalMeetingMinutes, TravelMinutes, Entries);
    }
}
