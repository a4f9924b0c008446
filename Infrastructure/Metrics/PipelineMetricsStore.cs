using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.Pipeline;
using SalesCrm.Domain.Pipelines;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// Section C (except win rate and lost reasons): the open pipeline rebuilt from the stage history as of any instant, stage
/// exits (days in stage), stage entries with their fate (conversion), the deals open now, and the records behind each figure.
/// Durations are computed in C# from the instants read here (no timestamp arithmetic in portable SQL). The figures read the
/// columns migration 0015 keeps on each stage move (its neighbours' instants and stages, the opportunity's owner and deleted
/// flag: see <see cref="Rollups.StageMoveRollup"/>); days in stage and stage conversion read the day rollups of migration 0017
/// (<see cref="Rollups.StageDayRollup"/>, organisation rows for the organisation) and, for a median, the exits of the one
/// whole day spent that holds it. The explain queries read the records themselves, so they check them.
/// Where the moves must drive a join, it is written <c>CROSS JOIN</c> with the condition in <c>WHERE</c>: SQLite keeps that join
/// order (it would otherwise start from the few stages and read every move of each), SQL Server treats it as an inner join.
/// </summary>
public sealed class PipelineMetricsStore(IDbConnectionFactory connections) : MetricStore(connections), IPipelineMetricsStore
{
    private const long MillisecondsPerDay = 86_400_000;
    private const long MillisecondsPerHour = 3_600_000;

    /// <summary>The owner of opportunity <c>o</c> at <c>@AsOf</c>: the last owner change at or before it gives it, else the first change's previous owner, else the current owner.</summary>
    private const string OwnerAsOf = """
        COALESCE(
            (SELECT c.to_owner_id FROM owner_changes c
             WHERE c.opportunity_id = o.id AND c.occurred_at <= @AsOf
               AND NOT EXISTS (SELECT 1 FROM owner_changes c2 WHERE c2.opportunity_id = o.id AND c2.occurred_at <= @AsOf
                                 AND (c2.occurred_at > c.occurred_at OR (c2.occurred_at = c.occurred_at AND c2.id > c.id)))),
            (SELECT c.from_owner_id FROM owner_changes c
             WHERE c.opportunity_id = o.id
               AND NOT EXISTS (SELECT 1 FROM owner_changes c2 WHERE c2.opportunity_id = o.id
                                 AND (c2.occurred_at < c.occurred_at OR (c2.occurred_at = c.occurred_at AND c2.id < c.id)))),
            o.owner_id)
        """;

    /// <summary>
    /// The opportunities open at <c>@AsOf</c>: created by then, not deleted, in the stage entered by their last move at or before
    /// it (ties by move number) when that stage is open, with their owner then (<see cref="OwnerAsOf"/>).
    /// </summary>
    private const string OpenAsOf = $"""
        SELECT o.id AS OpportunityId, o.name AS Name, o.amount AS Amount, m.to_stage_id AS StageId, m.occurred_at AS EnteredAt,
               st.probability AS Probability,
               {OwnerAsOf} AS OwnerId
        FROM opportunities o
        JOIN stage_moves m ON m.opportunity_id = o.id AND m.occurred_at <= @AsOf
        JOIN stages st ON st.id = m.to_stage_id
        WHERE o.deleted_at IS NULL AND o.created_at <= @AsOf AND st.kind = 'open' AND {"{pipeline}"}
          AND NOT EXISTS (SELECT 1 FROM stage_moves m2 WHERE m2.opportunity_id = o.id AND m2.occurred_at <= @AsOf
                            AND (m2.occurred_at > m.occurred_at OR (m2.occurred_at = m.occurred_at AND m2.move_number > m.move_number)))
        """;


    /// <summary>
    /// The same deals as <see cref="OpenAsOf"/> without replaying the history. A stage move is never dated before the one it
    /// follows, so the last move at or before <c>@AsOf</c> is either the opportunity's current stage (entered at or before
    /// it: read from the opportunity) or the move that was left after it (<c>occurred_at &lt;= @AsOf &lt; left_at</c>: found
    /// through the moves left after <c>@AsOf</c>, none when it is now).
    /// </summary>
    private const string OpenAsOfFast = $"""
        SELECT o.id AS OpportunityId, o.amount AS Amount, o.stage_id AS StageId, o.stage_entered_at AS EnteredAt,
               {OwnerAsOf} AS OwnerId
        FROM opportunities o
        JOIN stages st ON st.id = o.stage_id
        WHERE st.kind = 'open' AND o.deleted_at IS NULL AND o.created_at <= @AsOf AND o.stage_entered_at <= @AsOf AND {"{pipeline}"}
        UNION ALL
        SELECT o.id, o.amount, m.to_stage_id, m.occurred_at, {OwnerAsOf}
        FROM stage_moves m
        CROSS JOIN stages st
        CROSS JOIN opportunities o
        WHERE st.id = m.to_stage_id AND o.id = m.opportunity_id AND m.left_at > @AsOf AND m.occurred_at <= @AsOf AND st.kind = 'open' AND o.deleted_at IS NULL AND o.created_at <= @AsOf
          AND {"{pipeline}"}
        """;

    /// <summary>
    /// The opportunities that can be a rep's or a team's open deal at @AsOf (<see cref="MetricSql.MemberOwners"/>): owned by a
    /// member now and open now or closed after @AsOf (a deal closed at or before @AsOf and not reopened was not open then),
    /// or handed to or from one. A superset: the moves and <see cref="OwnerAsOf"/> decide. Two branches, each a range of the
    /// owner-first close index, keep the read to the deals of the time asked for, not every deal of the members' history.
    /// </summary>
    private static readonly string MemberCandidates = $"""
        SELECT so.id FROM opportunities so WHERE {MetricSql.MemberOwners("so.owner_id")} AND so.closed_at IS NULL
        UNION SELECT sc.id FROM opportunities sc WHERE {MetricSql.MemberOwners("sc.owner_id")} AND sc.closed_at > @AsOf
        UNION SELECT c.opportunity_id FROM owner_changes c WHERE {MetricSql.MemberOwners("c.to_owner_id")}
        UNION SELECT c.opportunity_id FROM owner_changes c WHERE {MetricSql.MemberOwners("c.from_owner_id")}
        """;

    /// <summary>
    /// <see cref="OpenAsOfFast"/> for a rep or a team: the same two branches over <see cref="MemberCandidates"/> only, which drive
    /// the moves' read (their moves by opportunity), so the cost follows the subject's deals, not every deal's history.
    /// </summary>
    private static readonly string OpenAsOfMembers = $"""
        SELECT o.id AS OpportunityId, o.amount AS Amount, o.stage_id AS StageId, o.stage_entered_at AS EnteredAt,
               {OwnerAsOf} AS OwnerId
        FROM opportunities o
        JOIN stages st ON st.id = o.stage_id
        WHERE st.kind = 'open' AND o.deleted_at IS NULL AND o.created_at <= @AsOf AND o.stage_entered_at <= @AsOf AND {"{pipeline}"}
          AND o.id IN ({MemberCandidates})
        UNION ALL
        SELECT o.id, o.amount, m.to_stage_id, m.occurred_at, {OwnerAsOf}
        FROM ({MemberCandidates}) cand
        CROSS JOIN stage_moves m
        CROSS JOIN stages st
        CROSS JOIN opportunities o
        WHERE m.opportunity_id = cand.id AND m.occurred_at <= @AsOf AND m.left_at > @AsOf AND st.id = m.to_stage_id AND st.kind = 'open'
          AND o.id = m.opportunity_id AND o.deleted_at IS NULL AND o.created_at <= @AsOf AND {"{pipeline}"}
        """;

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

    /// <summary>An exit from an open stage (<c>lv</c>, a move leaving it) joined to the move that entered it (<c>e</c>, the move before).</summary>
    private const string ExitsFrom = """
        FROM stage_moves lv
        JOIN stage_moves e ON e.opportunity_id = lv.opportunity_id AND e.move_number = lv.move_number - 1
        JOIN stages fs ON fs.id = lv.from_stage_id
        JOIN opportunities o ON o.id = lv.opportunity_id
        WHERE fs.kind = 'open' AND o.deleted_at IS NULL
        """;

    /// <summary>An entry into an open stage (<c>n</c>) with the move that next left it (<c>nx</c>, none yet when still there).</summary>
    private const string EntriesFrom = """
        FROM stage_moves n
        JOIN stages s ON s.id = n.to_stage_id
        JOIN opportunities o ON o.id = n.opportunity_id
        LEFT JOIN stage_moves nx ON nx.opportunity_id = n.opportunity_id AND nx.move_number = n.move_number + 1
        LEFT JOIN stages ns ON ns.id = nx.to_stage_id
        WHERE s.kind = 'open' AND o.deleted_at IS NULL AND n.occurred_at >= @WindowFrom AND n.occurred_at < @WindowTo
        """;

    /// <summary>The fate of an entry, by the stage the next move went to: Won or a later stage, Lost, or an earlier stage.</summary>
    private const string Fate = """
        CASE WHEN nx.id IS NULL THEN 'still_in'
             WHEN ns.kind = 'won' THEN 'advanced'
             WHEN ns.kind = 'lost' THEN 'lost'
             WHEN ns.position > s.position THEN 'advanced'
             ELSE 'moved_back' END
        """;

    public static readonly Sql Stages = new($"""
        SELECT s.id AS Id, s.pipeline_id AS PipelineId, s.name AS Name, s.position AS Position, s.probability AS Probability,
               s.kind AS Kind, s.stale_after_days AS StaleAfterDays, CASE WHEN s.archived_at IS NULL THEN 0 ELSE 1 END AS Archived
        FROM stages s
        JOIN pipelines p ON p.id = s.pipeline_id
        WHERE {MetricSql.Pipeline("s.pipeline_id")}
        ORDER BY p.created_at, p.id, s.position
        """);

    public static readonly Sql OpenAt = new(OpenAtText(OpenAsOfFast));

    /// <summary><see cref="OpenAt"/> for a rep or a team (<see cref="OpenAsOfMembers"/>).</summary>
    public static readonly Sql OpenAtForMembers = new(OpenAtText(OpenAsOfMembers));

    /// <summary>
    /// The exits from each open stage in each span by whole day spent in it, from the day rollup kept by triggers
    /// (organisation rows for the organisation): count and total time spent (ms). The spans drive the join (SQLite would
    /// otherwise read every day of the owner's rows and then the spans), the stages are joined to the grouped rows.
    /// </summary>
    public static readonly Sql SpanExitDays = new($"""
        SELECT x.SpanIndex, x.StageId, x.SpentDays, x.Exits, x.SpentMs
        FROM (SELECT s.idx AS SpanIndex, d.stage_id AS StageId, d.spent_days AS SpentDays, SUM(d.exits) AS Exits, SUM(d.spent_ms) AS SpentMs
              FROM {"{spans}"} s
              CROSS JOIN stage_time_days d
              WHERE d.day >= s.from_day AND d.day < s.to_day AND {MetricSql.RollupOwners("d.owner_id")}
              GROUP BY s.idx, d.stage_id, d.spent_days) x
        JOIN stages fs ON fs.id = x.StageId
        WHERE x.Exits <> 0 AND fs.kind = 'open' AND {MetricSql.Pipeline("fs.pipeline_id")}
        """);

    /// <summary>
    /// <see cref="SpanExitDays"/> for the organisation: each span's whole months from <c>stage_time_months</c> (migration 0036,
    /// the organisation rows summed per month, kept by triggers) and the days before the first and after the last of them
    /// from the organisation rows of <c>stage_time_days</c>. <c>@SpanMonths</c> gives each span's days and whole months.
    /// </summary>
    public static readonly Sql OrganisationSpanExitDays = new(
        OrganisationSpanExitDaysText("""
            (SELECT CAST(json_extract(sj.value, '$.i') AS INTEGER) AS idx, json_extract(sj.value, '$.fd') AS from_day,
                    json_extract(sj.value, '$.td') AS to_day, json_extract(sj.value, '$.mf') AS months_from, json_extract(sj.value, '$.mt') AS months_to
             FROM json_each(@SpanMonths) sj)
            """),
        OrganisationSpanExitDaysText("""
            (SELECT idx, from_day, to_day, months_from, months_to
             FROM OPENJSON(@SpanMonths) WITH (idx INT '$.i', from_day DATE '$.fd', to_day DATE '$.td', months_from DATE '$.mf', months_to DATE '$.mt'))
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
    public static readonly Sql StageExitDurations = new(
        """
        SELECT from_stage_ms FROM stage_moves
        WHERE from_stage_id = @StageId AND opportunity_deleted = 0 AND from_stage_ms >= @FromMs
        ORDER BY from_stage_ms
        LIMIT @Take OFFSET @Skip
        """,
        """
        SELECT from_stage_ms FROM stage_moves
        WHERE from_stage_id = @StageId AND opportunity_deleted = 0 AND from_stage_ms >= @FromMs
        ORDER BY from_stage_ms
        OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
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
    /// Whether anything a snapshot replays happened after <c>@AsOf</c>: a stage left, a deal (not deleted) entering its
    /// current stage or created, an owner changed. When none did, the deals open then are the deals open now, with their
    /// current stage, entry instant and owner, and the snapshot reads <c>pipeline_totals</c>.
    /// </summary>
    public static readonly Sql ChangedSince = new("""
        SELECT CASE WHEN EXISTS (SELECT 1 FROM stage_moves m WHERE m.left_at > @AsOf)
                      OR EXISTS (SELECT 1 FROM stages s JOIN opportunities o ON o.stage_id = s.id
                                 WHERE o.deleted_at IS NULL AND o.stage_entered_at > @AsOf)
                      OR EXISTS (SELECT 1 FROM owner_changes c WHERE c.occurred_at > @AsOf)
                    THEN 1 ELSE 0 END
        """);

    /// <summary>The open deals now per stage and owner, from the rollup kept by triggers: count, amount, Σ entry instants (Unix ms).</summary>
    public static readonly Sql CurrentGroups = CurrentGroupsWhere(MetricSql.Subject("t.owner_id"));

    /// <summary><see cref="CurrentGroups"/> for a rep or a team: their rows by the owner-first key, not every owner's rows filtered.</summary>
    public static readonly Sql CurrentGroupsOfMembers = CurrentGroupsWhere(MetricSql.MemberOwners("t.owner_id"));

    /// <summary>The entry instant of the deals now in <c>@StageId</c>, earliest first, skipping <c>@Skip</c> and taking <c>@Take</c>: a stage's middle deal(s).</summary>
    public static readonly Sql StageEntriesAt = new(
        """
        SELECT o.stage_entered_at FROM opportunities o
        WHERE o.stage_id = @StageId AND o.deleted_at IS NULL
        ORDER BY o.stage_entered_at
        LIMIT @Take OFFSET @Skip
        """,
        """
        SELECT o.stage_entered_at FROM opportunities o
        WHERE o.stage_id = @StageId AND o.deleted_at IS NULL
        ORDER BY o.stage_entered_at
        OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
        """);

    /// <summary>The stage and entry instant of every deal open now of a rep or team (<see cref="MetricSql.MemberOwners"/>).</summary>
    public static readonly Sql MemberEntries = new($"""
        SELECT o.stage_id AS StageId, o.stage_entered_at AS EnteredAt
        FROM opportunities o
        JOIN stages st ON st.id = o.stage_id
        WHERE st.kind = 'open' AND o.deleted_at IS NULL AND {MetricSql.MemberOwners("o.owner_id")} AND {MetricSql.Pipeline("o.pipeline_id")}
        """);

    /// <summary>
    /// A page of the deals open now that entered their stage before its limit (<c>@Limits</c>: stage and instant), longest in
    /// stage first, after the keyset position: the ids from the index on (stage, entry instant, id), then the deals.
    /// </summary>
    public static readonly Sql StaleDeals = StaleDealsWhere(MetricSql.Subject("so.owner_id"));

    /// <summary><see cref="StaleDeals"/> for a rep or a team: their deals by the owner-first index on (owner, stage, entry instant, id).</summary>
    public static readonly Sql StaleDealsOfMembers = StaleDealsWhere(MetricSql.MemberOwners("so.owner_id"));

    /// <summary>The deals <see cref="OpenAt"/> counts; value = the probability of their stage then.</summary>
    public static readonly Sql ExplainOpen = new($"""
        SELECT * FROM (
            SELECT 'opportunity' AS Kind, y.OpportunityId AS Id, y.EnteredAt AS At, y.OwnerId AS OwnerId, y.Name AS Label,
                   y.Amount AS Amount, CAST(y.Probability AS FLOAT) AS Value, y.OpportunityId AS OpportunityId
            FROM ({Pipeline(OpenAsOf)}) y
            WHERE {MetricSql.Subject("y.OwnerId")} AND (@StageId IS NULL OR y.StageId = @StageId)
        ) x
        {ExplainPageEnd}
        """);

    /// <summary>The exits <see cref="Exits"/> counts; value = days in the stage (the only dialect-specific part: a duration).</summary>
    public static readonly Sql ExplainExits = new(
        ExplainExitsText("CAST(lv.occurred_at - e.occurred_at AS REAL) / 86400000.0"),
        ExplainExitsText("CAST(DATEDIFF_BIG(millisecond, e.occurred_at, lv.occurred_at) AS FLOAT) / 86400000.0"));

    /// <summary>The entries <see cref="Entries"/> counts; label = the entry's fate.</summary>
    public static readonly Sql ExplainEntries = new($"""
        SELECT * FROM (
            SELECT 'stage_move' AS Kind, n.id AS Id, n.occurred_at AS At, o.owner_id AS OwnerId, {Fate} AS Label,
                   o.amount AS Amount, NULL AS Value, o.id AS OpportunityId
            {EntriesFrom}
              AND {MetricSql.Subject("o.owner_id")} AND {MetricSql.Pipeline("o.pipeline_id")}
              AND (@StageId IS NULL OR n.to_stage_id = @StageId)
        ) x
        {ExplainPageEnd}
        """);

    public async Task<IReadOnlyList<StageInfo>> StagesAsync(Guid? pipelineId, CancellationToken cancellationToken) =>
        (await QueryAsync<StageRow>(Stages, new { PipelineId = pipelineId }, cancellationToken))
        .Select(s => new StageInfo(s.Id, s.PipelineId, s.Name, s.Position, s.Probability, Enum.Parse<StageKind>(s.Kind, ignoreCase: true),
            s.StaleAfterDays, s.Archived != 0))
        .ToList();

    public async Task<IReadOnlyList<OpenDeal>> OpenAtAsync(MetricScope scope, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        (await SpanQueryAsync<DealRow>(scope.Subject.IsOrganisation ? OpenAt : OpenAtForMembers, scope, asOf, new { AsOf = asOf }, cancellationToken))
        .Select(d => new OpenDeal(d.OpportunityId, d.OwnerId, d.OwnerName, d.StageId, d.Amount, d.EnteredAt))
        .ToList();

    /// <summary>
    /// Count and total time per stage and span from the day rollup; the middle exit(s) by time spent from the moves of the
    /// one or two whole days spent that hold the middle ranks (found by summing the day counts in order), all spans and
    /// stages in one read. The cost follows the window's days and the exits of those few days, not every exit.
    /// </summary>
    public async Task<IReadOnlyList<StageSpanExits>> ExitsAsync(MetricScope scope, CancellationToken cancellationToken)
    {
        var days = scope.Subject.IsOrganisation
            ? await SpanQueryAsync<SpanExitDay>(OrganisationSpanExitDays, scope, DateTimeOffset.UtcNow, new { SpanMonths = SpanMonthsJson(scope) }, cancellationToken)
            : await SpanQueryAsync<SpanExitDay>(SpanExitDays, scope, DateTimeOffset.UtcNow, null, cancellationToken);
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
                FromMs = hour.Hour * MillisecondsPerHour,
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

    /// <summary>
    /// The open pipeline as of <paramref name="asOf"/> from the current state, or null when something was replayed after it
    /// (<see cref="ChangedSince"/>). The groups come from <c>pipeline_totals</c>; the middle deal(s) of a stage from the index
    /// on (stage, entry instant) for the whole organisation, from the rep's or team's own deals otherwise.
    /// </summary>
    public async Task<OpenPipeline?> CurrentPipelineAsync(MetricScope scope, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if ((await QueryAsync<int>(ChangedSince, new { AsOf = asOf }, cancellationToken))[0] != 0)
        {
            return null;
        }

        var asOfMs = asOf.ToUnixTimeMilliseconds();
        var groups = (await SpanQueryAsync<GroupRow>(scope.Subject.IsOrganisation ? CurrentGroups : CurrentGroupsOfMembers, scope, asOf, null, cancellationToken))
            .Select(g => new OpenDealGroup(g.StageId, g.OwnerId, g.OwnerName, g.Count, g.Amount, (g.Count * asOfMs) - g.EnteredMs))
            .ToList();
        var middles = new Dictionary<Guid, IReadOnlyList<double>>();
        if (scope.Subject.IsOrganisation)
        {
            foreach (var stage in groups.GroupBy(g => g.StageId))
            {
                var count = stage.Sum(g => g.Count);
                var middle = new { StageId = stage.Key, Skip = (count - 1) / 2, Take = count % 2 == 1 ? 1 : 2 };
                middles[stage.Key] = (await QueryAsync<DateTimeOffset>(StageEntriesAt, middle, cancellationToken))
                    .Select(entered => Ratio.Days(entered, asOf)).Order().ToList();
            }
        }
        else
        {
            foreach (var stage in (await SpanQueryAsync<EntryAt>(MemberEntries, scope, asOf, null, cancellationToken)).GroupBy(e => e.StageId))
            {
                middles[stage.Key] = OpenPipeline.Middle(stage.Select(e => Ratio.Days(e.EnteredAt, asOf)).Order().ToList());
            }
        }

        return new OpenPipeline(groups, middles);
    }

    public async Task<IReadOnlyList<CurrentDeal>> StaleDealsAsync(
        MetricScope scope, IReadOnlyList<StageLimit> limits, ExplainPosition? after, int take, CancellationToken cancellationToken)
    {
        if (limits.Count == 0)
        {
            return [];
        }

        var json = System.Text.Json.JsonSerializer.Serialize(limits.Select(l => new Dictionary<string, object>
        {
            ["s"] = l.StageId.ToString("D"),
            ["bm"] = l.EnteredBefore.ToUnixTimeMilliseconds(),
            ["b"] = MetricSql.IsoInstant(l.EnteredBefore),
        }));
        return (await SpanQueryAsync<DealRow>(
                scope.Subject.IsOrganisation ? StaleDeals : StaleDealsOfMembers, scope, DateTimeOffset.UtcNow, new { Limits = json, AfterAt = after?.At, AfterId = after?.Id, Take = take }, cancellationToken))
            .Select(d => new CurrentDeal(d.OpportunityId, d.Name, d.OwnerId, d.StageId, d.Amount, d.StageEnteredAt))
            .ToList();
    }

    public Task<Page<MetricRecord>> ExplainAsync(
        ExplainRequest<PipelineFigure> request, DateTimeOffset asOf, Guid? stageId, CancellationToken cancellationToken)
    {
        var sql = request.Figure switch
        {
            PipelineFigure.OpenOpportunities => ExplainOpen,
            PipelineFigure.StageExits => ExplainExits,
            _ => ExplainEntries,
        };
        return ExplainAsync(sql, request, asOf, new { AsOf = asOf, StageId = stageId }, cancellationToken);
    }

    /// <summary>The open pipeline as of <paramref name="asOf"/>: from the current state when nothing changed since, else replayed.</summary>
    public async Task<OpenPipeline> OpenPipelineAsync(MetricScope scope, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        await CurrentPipelineAsync(scope, asOf, cancellationToken) ?? OpenPipeline.Of(await OpenAtAsync(scope, asOf, cancellationToken), asOf);

    private static Sql CurrentGroupsWhere(string owners) => new($"""
        SELECT t.stage_id AS StageId, t.owner_id AS OwnerId, u.display_name AS OwnerName, t.deals AS Count, t.amount AS Amount,
               t.entered_ms AS EnteredMs
        FROM pipeline_totals t
        JOIN stages st ON st.id = t.stage_id
        LEFT JOIN users u ON u.id = t.owner_id
        WHERE st.kind = 'open' AND t.deals <> 0 AND {owners} AND {MetricSql.Pipeline("t.pipeline_id")}
        """);

    private static string Pipeline(string text) => text.Replace("{pipeline}", MetricSql.Pipeline("o.pipeline_id"), StringComparison.Ordinal);

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

    /// <summary>Each span's days and whole months (<see cref="OwnerMonthWindow.WholeMonths"/>) for <see cref="OrganisationSpanExitDays"/>.</summary>
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

    private static string OpenAtText(string openAsOf) => $"""
        SELECT y.OpportunityId, y.OwnerId, u.display_name AS OwnerName, y.StageId, y.Amount, y.EnteredAt
        FROM ({Pipeline(openAsOf)}) y
        LEFT JOIN users u ON u.id = y.OwnerId
        WHERE {MetricSql.Subject("y.OwnerId")}
        """;

    private static Sql StaleDealsWhere(string owners) => new(
        StaleDealsText(
            owners,
            """
            (SELECT json_extract(lj.value, '$.s') AS stage_id, json_extract(lj.value, '$.bm') AS before_at FROM json_each(@Limits) lj)
            """,
            "LIMIT @Take"),
        StaleDealsText(
            owners,
            """
            (SELECT stage_id, before_at FROM OPENJSON(@Limits) WITH (stage_id UNIQUEIDENTIFIER '$.s', before_at DATETIMEOFFSET(3) '$.b'))
            """,
            "OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY"));

    private static string StaleDealsText(string owners, string limits, string take) => $"""
        SELECT o.id AS OpportunityId, o.name AS Name, o.owner_id AS OwnerId, o.stage_id AS StageId, o.amount AS Amount,
               o.stage_entered_at AS StageEnteredAt
        FROM opportunities o
        WHERE o.id IN (
            SELECT so.id
            FROM {limits} l
            CROSS JOIN opportunities so
            WHERE so.stage_id = l.stage_id AND so.deleted_at IS NULL AND so.stage_entered_at < l.before_at
              AND {owners} AND {MetricSql.Pipeline("so.pipeline_id")}
              AND (@AfterAt IS NULL OR so.stage_entered_at > @AfterAt OR (so.stage_entered_at = @AfterAt AND so.id > @AfterId))
            ORDER BY so.stage_entered_at, so.id
            {take})
        ORDER BY o.stage_entered_at, o.id
        """;

    private static string ExplainExitsText(string days) => $"""
        SELECT * FROM (
            SELECT 'stage_move' AS Kind, lv.id AS Id, lv.occurred_at AS At, o.owner_id AS OwnerId, o.name AS Label, o.amount AS Amount,
                   {days} AS Value, o.id AS OpportunityId
            {ExitsFrom}
              AND lv.occurred_at >= @WindowFrom AND lv.occurred_at < @WindowTo
              AND {MetricSql.Subject("o.owner_id")} AND {MetricSql.Pipeline("o.pipeline_id")}
              AND (@StageId IS NULL OR lv.from_stage_id = @StageId)
        ) x
        {ExplainPageEnd}
        """;

    private sealed class StageRow
    {
        public Guid Id { get; init; }

        public Guid PipelineId { get; init; }

        public string Name { get; init; } = "";

        public int Position { get; init; }

        public int Probability { get; init; }

        public string Kind { get; init; } = "";

        public int? StaleAfterDays { get; init; }

        public int Archived { get; init; }
    }

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

    private sealed class GroupRow
    {
        public Guid StageId { get; init; }

        public Guid OwnerId { get; init; }

        public string? OwnerName { get; init; }

        public long Count { get; init; }

        public decimal Amount { get; init; }

        public long EnteredMs { get; init; }
    }

    private sealed class EntryAt
    {
        public Guid StageId { get; init; }

        public DateTimeOffset EnteredAt { get; init; }
    }

    private sealed class DealRow
    {
        public Guid OpportunityId { get; init; }

        public string Name { get; init; } = "";

        public Guid OwnerId { get; init; }

        public string? OwnerName { get; init; }

        public Guid StageId { get; init; }

        public decimal Amount { get; init; }

        public DateTimeOffset EnteredAt { get; init; }

        public DateTimeOffset StageEnteredAt { get; init; }
    }
}
