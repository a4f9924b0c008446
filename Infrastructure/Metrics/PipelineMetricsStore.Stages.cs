using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.Pipeline;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// Stage exits (days in stage: counts and time from the day rollups, the median from the moves of the whole day or hour that
/// holds it), each stage's historical median (the stale-deal norm) and stage entries with their fate (conversion).
/// </summary>
public sealed partial class PipelineMetricsStore
{
    /// <summary>The middle-value read targets of <see cref="MiddleTarget.Json"/> as a table (i, stage_id, days, from_at, to_at), per dialect.</summary>
    private const string SqliteTargets = """
        (SELECT CAST(json_extract(tj.value, '$.i') AS INTEGER) AS i, json_extract(tj.value, '$.s') AS stage_id,
                json_extract(tj.value, '$.d') AS days, json_extract(tj.value, '$.fm') AS from_at, json_extract(tj.value, '$.tm') AS to_at
         FROM json_each(@Targets) tj)
        """;

    private const string SqlServerTargets = """
        (SELECT i, stage_id, days, from_at, to_at
         FROM OPENJSON(@Targets) WITH (i INT '$.i', stage_id UNIQUEIDENTIFIER '$.s', days BIGINT '$.d',
                                       from_at DATETIMEOFFSET(3) '$.f', to_at DATETIMEOFFSET(3) '$.t'))
        """;

    /// <summary>
    /// The subject filter on a stage move's denormalised owner, as an <c>IN</c> over the subject's users so one index on
    /// (owner, instant) serves a rep, a team and the organisation alike. Owners are users, so this is <see cref="MetricSql.Subject"/>.
    /// </summary>
    private const string MoveOwnerInSubject = """
        m.owner_id IN (SELECT mu.id FROM users mu
                       WHERE (@SubjectUserId IS NULL OR mu.id = @SubjectUserId) AND (@SubjectTeamId IS NULL OR mu.team_id = @SubjectTeamId))
        """;

    /// <summary>
    /// The exits from each open stage in each span by whole day spent in it: count and total time spent (ms), from rollups
    /// kept by triggers. The organisation's reads each span's whole months from <c>stage_time_months</c> (migration 0036, the
    /// organisation rows summed per month) and the days before the first and after the last of them from the organisation
    /// rows of <c>stage_time_days</c>; <c>@SpanMonths</c> gives each span's days and whole months. A rep's or team's reads
    /// their rows of <c>stage_time_days</c> (the spans drive the join: SQLite would otherwise read every day of the owner's
    /// rows and then the spans; the stages are joined to the grouped rows).
    /// </summary>
    public static readonly SubjectSql SpanExitDays = new(
        new(
            OrganisationSpanExitDaysText("""
                (SELECT CAST(json_extract(sj.value, '$.i') AS INTEGER) AS idx, json_extract(sj.value, '$.fd') AS from_day,
                        json_extract(sj.value, '$.td') AS to_day, json_extract(sj.value, '$.mf') AS months_from, json_extract(sj.value, '$.mt') AS months_to
                 FROM json_each(@SpanMonths) sj)
                """),
            OrganisationSpanExitDaysText("""
                (SELECT idx, from_day, to_day, months_from, months_to
                 FROM OPENJSON(@SpanMonths) WITH (idx INT '$.i', from_day DATE '$.fd', to_day DATE '$.td', months_from DATE '$.mf', months_to DATE '$.mt'))
                """)),
        new($"""
            SELECT x.SpanIndex, x.StageId, x.SpentDays, x.Exits, x.SpentMs
            FROM (SELECT s.idx AS SpanIndex, d.stage_id AS StageId, d.spent_days AS SpentDays, SUM(d.exits) AS Exits, SUM(d.spent_ms) AS SpentMs
                  FROM {"{spans}"} s
                  CROSS JOIN stage_time_days d
                  WHERE d.day >= s.from_day AND d.day < s.to_day AND {MetricSql.RollupOwners("d.owner_id")}
                  GROUP BY s.idx, d.stage_id, d.spent_days) x
            JOIN stages fs ON fs.id = x.StageId
            WHERE x.Exits <> 0 AND fs.kind = 'open' AND {MetricSql.Pipeline("fs.pipeline_id")}
            """));

    /// <summary>
    /// The time spent (ms) by the subject's exits of each target: one stage, one whole day spent in it, one span (the day
    /// that holds a span's middle rank), read from the index on (stage, whole days spent, instant).
    /// </summary>
    public static readonly Sql TargetExitDurations = new(TargetExitDurationsText(SqliteTargets), TargetExitDurationsText(SqlServerTargets));

    /// <summary>
    /// <see cref="TargetExitDurations"/> for one rep: their exits in the window, read once by the owner-first index
    /// (owner, instant), then matched to the targets, which SQLite materialises first (else it would extract every target
    /// from the JSON again for each exit). The stage-first index would read every owner's exits of each target's day and
    /// keep the rep's.
    /// </summary>
    public static readonly Sql RepTargetExitDurations = new(
        RepTargetExitDurationsText($"MATERIALIZED {SqliteTargets}"), RepTargetExitDurationsText(SqlServerTargets));

    /// <summary>The exits of each open stage per whole day spent in it (every owner, opportunities not deleted): where its median lies.</summary>
    public static readonly Sql StageExitDays = new($"""
        SELECT d.stage_id AS StageId, d.day AS Day, d.exits AS Exits
        FROM stage_exit_days d
        JOIN stages fs ON fs.id = d.stage_id
        WHERE d.exits > 0 AND fs.kind = 'open' AND {MetricSql.Pipeline("fs.pipeline_id")}
        ORDER BY d.day
        """);

    /// <summary>The exits from <c>@StageId</c> per whole hour spent in it, of the hours of whole day <c>@Day</c> spent (stage_exit_hours, 0041).</summary>
    public static readonly Sql StageExitHoursOfDay = new("""
        SELECT h.hour AS Hour, h.exits AS Exits
        FROM stage_exit_hours h
        WHERE h.stage_id = @StageId AND h.hour >= @Day * 24 AND h.hour < (@Day + 1) * 24 AND h.exits > 0
        ORDER BY h.hour
        """);

    /// <summary>The time spent in <c>@StageId</c> by its exits from <c>@FromMs</c> on, shortest first, skipping <c>@Skip</c> and taking <c>@Take</c>.</summary>
    public static readonly Sql StageExitDurations = new("""
        SELECT from_stage_ms FROM stage_moves
        WHERE from_stage_id = @StageId AND opportunity_deleted = 0 AND from_stage_ms >= @FromMs
        ORDER BY from_stage_ms
        {skip take}
        """);

    /// <summary>
    /// The entries into each open stage in each span by fate, from the day rollup kept by triggers (organisation rows for the
    /// organisation), keyed by the stage the next move went to: the fate is decided by the stages as they are now.
    /// </summary>
    public static readonly Sql SpanEntries = new($"""
        SELECT x.SpanIndex, x.StageId,
               CASE WHEN x.NextStageId = '{Rollups.StageDayRollup.StillIn}' THEN 'still_in'
                    WHEN ns.kind = 'won' THEN 'advanced'
                    WHEN ns.kind = 'lost' THEN 'lost'
                    WHEN ns.position > st.position THEN 'advanced'
                    ELSE 'moved_back' END AS Fate,
               x.Entries AS Count
        FROM (SELECT s.idx AS SpanIndex, d.stage_id AS StageId, d.next_stage_id AS NextStageId, SUM(d.entries) AS Entries
              FROM {"{spans}"} s
              CROSS JOIN stage_entry_days d
              WHERE d.day >= s.from_day AND d.day < s.to_day AND {MetricSql.RollupOwners("d.owner_id")}
              GROUP BY s.idx, d.stage_id, d.next_stage_id) x
        JOIN stages st ON st.id = x.StageId
        LEFT JOIN stages ns ON ns.id = x.NextStageId
        WHERE x.Entries <> 0 AND st.kind = 'open' AND {MetricSql.Pipeline("st.pipeline_id")}
        """);

    /// <summary>
    /// Count and total time per stage and span from the day rollup; the middle exit(s) by time spent from the moves of the
    /// one or two whole days spent that hold the middle ranks (found by summing the day counts in order), all spans and
    /// stages in one read. The cost follows the window's days and the exits of those few days, not every exit.
    /// </summary>
    public async Task<IReadOnlyList<StageSpanExits>> ExitsAsync(MetricScope scope, CancellationToken cancellationToken)
    {
        // @SpanMonths is read by the organisation's form only; the members' form leaves it unused.
        var days = await SpanQueryAsync<SpanExitDay>(
            SpanExitDays.For(scope.Subject), scope, DateTimeOffset.UtcNow, new { SpanMonths = SpanMonthsJson(scope) }, cancellationToken);
        var groups = days.Where(d => d.Exits != 0).GroupBy(d => (d.SpanIndex, d.StageId))
            .Select(g => (g.Key.SpanIndex, g.Key.StageId, Days: g.OrderBy(d => d.SpentDays).ToList()))
            .ToList();
        var targets = new List<MiddleTarget>();
        foreach (var (spanIndex, stageId, stageDays) in groups)
        {
            foreach (var (day, ranks) in MiddleRanks.Holding(stageDays, d => d.Exits))
            {
                targets.Add(new MiddleTarget(targets.Count, scope.Spans[spanIndex], stageId, day.SpentDays, ranks));
            }
        }

        var read = targets.Count == 0
            ? []
            : await SpanQueryAsync<TargetDuration>(
                scope.Subject.UserId is null ? TargetExitDurations : RepTargetExitDurations,
                scope, DateTimeOffset.UtcNow, new { Targets = MiddleTarget.Json(targets) }, cancellationToken);
        var durations = read.ToLookup(d => d.Target, d => d.Ms);
        var middles = targets.ToLookup(t => (t.Span.Index, t.StageId), t =>
        {
            var sorted = durations[t.Index].Order().ToList();
            return t.Ranks.Select(r => new StageExit(t.StageId, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMilliseconds(sorted[(int)r])));
        });
        return groups.Select(g => new StageSpanExits(
                g.SpanIndex, g.StageId, g.Days.Sum(d => d.Exits), g.Days.Sum(d => d.SpentMs), middles[(g.SpanIndex, g.StageId)].SelectMany(m => m).ToList()))
            .ToList();
    }

    /// <summary>
    /// The middle exit of each stage's history by time spent (the two middle ones for an even count): the day counts say which
    /// whole day of time spent holds the middle rank, that day's hour counts which hour, and the index on (stage, deleted,
    /// duration) is read from that hour on, so the cost follows the exits of one hour, not every exit. Their median is the
    /// median of all of them.
    /// </summary>
    public async Task<IReadOnlyList<StageExit>> MedianExitsAsync(Guid? pipelineId, CancellationToken cancellationToken)
    {
        var exits = new List<StageExit>();
        foreach (var stage in (await QueryAsync<StageExitDay>(StageExitDays, new { PipelineId = pipelineId }, cancellationToken)).GroupBy(d => d.StageId))
        {
            var days = stage.ToList();
            var (day, ranks) = MiddleRanks.Holding(days, d => d.Exits)[0];
            var hours = await QueryAsync<StageExitHour>(StageExitHoursOfDay, new { StageId = stage.Key, day.Day }, cancellationToken);
            var (hour, skip) = MiddleRanks.Locate(hours, h => h.Exits, ranks[0]);
            var middle = new
            {
                StageId = stage.Key,
                FromMs = hour.Hour * TimeSpan.MillisecondsPerHour,
                Skip = skip,
                Take = MiddleRanks.Of(days.Sum(d => d.Exits)).Count,
            };
            exits.AddRange((await QueryAsync<long>(StageExitDurations, middle, cancellationToken))
                .Select(ms => new StageExit(stage.Key, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMilliseconds(ms))));
        }

        return exits;
    }

    public async Task<IReadOnlyList<StageSpanEntries>> EntriesAsync(MetricScope scope, CancellationToken cancellationToken) =>
        (await SpanQueryAsync<EntryRow>(SpanEntries, scope, DateTimeOffset.UtcNow, null, cancellationToken))
        .Select(e => new StageSpanEntries(e.SpanIndex, e.StageId, Enum.Parse<EntryFate>(e.Fate.Replace("_", "", StringComparison.Ordinal), ignoreCase: true), e.Count))
        .ToList();

    private static string OrganisationSpanExitDaysText(string spanMonths) => $"""
        SELECT x.SpanIndex, x.StageId, x.SpentDays, x.Exits, x.SpentMs
        FROM (SELECT p.idx AS SpanIndex, p.stage_id AS StageId, p.spent_days AS SpentDays, SUM(p.exits) AS Exits, SUM(p.spent_ms) AS SpentMs
              FROM (SELECT s.idx, m.stage_id, m.spent_days, m.exits, m.spent_ms
                    FROM {spanMonths} s
                    CROSS JOIN stage_time_months m
                    WHERE m.month >= s.months_from AND m.month < s.months_to
                    UNION ALL
                    SELECT s.idx, d.stage_id, d.spent_days, d.exits, d.spent_ms
                    FROM {spanMonths} s
                    CROSS JOIN stage_time_days d
                    WHERE d.owner_id = @OrganisationOwner AND d.day >= s.from_day AND d.day < s.months_from
                    UNION ALL
                    SELECT s.idx, d.stage_id, d.spent_days, d.exits, d.spent_ms
                    FROM {spanMonths} s
                    CROSS JOIN stage_time_days d
                    WHERE d.owner_id = @OrganisationOwner AND d.day >= s.months_to AND d.day < s.to_day) p
              GROUP BY p.idx, p.stage_id, p.spent_days) x
        JOIN stages fs ON fs.id = x.StageId
        WHERE x.Exits <> 0 AND fs.kind = 'open' AND {MetricSql.Pipeline("fs.pipeline_id")}
        """;

    /// <summary>Each span's days and whole months (<see cref="OwnerMonthWindow.WholeMonths"/>) for the organisation form of <see cref="SpanExitDays"/>.</summary>
    private static string SpanMonthsJson(MetricScope scope) =>
        System.Text.Json.JsonSerializer.Serialize(scope.Spans.Select(s =>
        {
            var (monthsFrom, monthsTo) = OwnerMonthWindow.WholeMonths(s.From, s.To);
            return new Dictionary<string, object>
            {
                ["i"] = s.Index,
                ["fd"] = MetricSql.IsoDate(s.From),
                ["td"] = MetricSql.IsoDate(s.To),
                ["mf"] = MetricSql.IsoDate(monthsFrom),
                ["mt"] = MetricSql.IsoDate(monthsTo),
            };
        }));

    private static string TargetExitDurationsText(string targets) => $"""
        SELECT t.i AS Target, m.from_stage_ms AS Ms
        FROM {targets} t
        CROSS JOIN stage_moves m
        WHERE m.from_stage_id = t.stage_id AND m.from_stage_days = t.days AND m.occurred_at >= t.from_at AND m.occurred_at < t.to_at
          AND m.opportunity_deleted = 0 AND {MoveOwnerInSubject}
        """;

    private static string RepTargetExitDurationsText(string targets) => $"""
        WITH t AS {targets}
        SELECT t.i AS Target, m.from_stage_ms AS Ms
        FROM (SELECT rm.from_stage_id, rm.from_stage_days, rm.from_stage_ms, rm.occurred_at
              FROM stage_moves rm
              WHERE rm.owner_id = @SubjectUserId AND rm.occurred_at >= @WindowFrom AND rm.occurred_at < @WindowTo
                AND rm.opportunity_deleted = 0 AND rm.from_stage_id IS NOT NULL) m
        JOIN t ON m.from_stage_id = t.stage_id AND m.from_stage_days = t.days AND m.occurred_at >= t.from_at AND m.occurred_at < t.to_at
        """;

    private sealed class StageExitHour
    {
        public long Hour { get; init; }

        public long Exits { get; init; }
    }

    private sealed class StageExitDay
    {
        public Guid StageId { get; init; }

        public long Day { get; init; }

        public long Exits { get; init; }
    }

    private sealed class EntryRow
    {
        public int SpanIndex { get; init; }

        public Guid StageId { get; init; }

        public string Fate { get; init; } = "";

        public long Count { get; init; }
    }

    private sealed class SpanExitDay
    {
        public int SpanIndex { get; init; }

        public Guid StageId { get; init; }

        public long SpentDays { get; init; }

        public long Exits { get; init; }

        public long SpentMs { get; init; }
    }

    private sealed class TargetDuration
    {
        public int Target { get; init; }

        public long Ms { get; init; }
    }

    /// <summary>One span's exits from one stage with one whole day spent, and the ranks (from 0, shortest first) wanted among them.</summary>
    private sealed record MiddleTarget(int Index, MetricSpan Span, Guid StageId, long SpentDays, IReadOnlyList<long> Ranks)
    {
        public static string Json(IEnumerable<MiddleTarget> targets) =>
            MetricSql.SpanTargetsJson(targets.Select(t => (t.Index, t.Span, (IReadOnlyDictionary<string, object>)new Dictionary<string, object>
            {
                ["s"] = t.StageId.ToString("D"),
                ["d"] = t.SpentDays,
            })));
    }
}
