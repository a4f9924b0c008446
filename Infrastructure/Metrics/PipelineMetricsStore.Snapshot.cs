using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.Pipeline;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// The open pipeline as of an instant: from the current state (<c>pipeline_totals</c> and the index on stage and entry
/// instant) when nothing moved since, else replayed from the stage history, for the organisation or a rep's or team's deals.
/// </summary>
public sealed partial class PipelineMetricsStore
{
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
    /// it: read from the opportunity) or the move that was left after it (<c>occurred_at &lt;= @AsOf &lt; left_at</c>). Those
    /// moves are found class by class of the time their stage was held (<c>move_span_classes</c>, migration 0048): a move of
    /// class <c>c</c> still in its stage at <c>@AsOf</c> entered it after <paramref name="earliestEntry"/>, so each class is a
    /// range of <c>ix_stage_moves_span</c> about as long as that time, not every move left since <c>@AsOf</c> (a year back on
    /// the large profile, 1.3 M moves read for 37,000 kept).
    /// </summary>
    private static string OpenAsOfFast(string earliestEntry) => $"""
        SELECT o.id AS OpportunityId, o.amount AS Amount, o.stage_id AS StageId, o.stage_entered_at AS EnteredAt,
               {OwnerAsOf} AS OwnerId
        FROM opportunities o
        JOIN stages st ON st.id = o.stage_id
        WHERE st.kind = 'open' AND o.deleted_at IS NULL AND o.created_at <= @AsOf AND o.stage_entered_at <= @AsOf AND {"{pipeline}"}
        UNION ALL
        SELECT o.id, o.amount, m.to_stage_id, m.occurred_at, {OwnerAsOf}
        FROM move_span_classes c
        CROSS JOIN stage_moves m
        CROSS JOIN stages st
        CROSS JOIN opportunities o
        WHERE m.left_span_class = c.class AND m.occurred_at > {earliestEntry} AND m.occurred_at <= @AsOf AND m.left_at > @AsOf
          AND st.id = m.to_stage_id AND st.kind = 'open' AND o.id = m.opportunity_id AND o.deleted_at IS NULL AND o.created_at <= @AsOf
          AND {"{pipeline}"}
        """;

    /// <summary>
    /// The earliest entry of a move of span class <c>c</c> still in its stage at <c>@AsOf</c>: <c>max_hours</c> before it. SQL
    /// Server's date arithmetic cannot go before the year 1, so there the bound is the year 1 when <c>@AsOf</c> is closer to it.
    /// </summary>
    private const string SqliteEarliestEntry = "@AsOf - c.max_hours * 3600000";

    private const string SqlServerEarliestEntry = """
        CASE WHEN @AsOf < DATEADD(hour, c.max_hours, CAST('0001-01-01T00:00:00+00:00' AS DATETIMEOFFSET(3)))
             THEN CAST('0001-01-01T00:00:00+00:00' AS DATETIMEOFFSET(3)) ELSE DATEADD(hour, -c.max_hours, @AsOf) END
        """;

    /// <summary>The organisation's form of a statement over <see cref="OpenAsOfFast"/>, in each dialect.</summary>
    private static Sql OrganisationOpenAt(Func<string, string> statement) =>
        new(statement(OpenAsOfFast(SqliteEarliestEntry)), statement(OpenAsOfFast(SqlServerEarliestEntry)));

    /// <summary>
    /// The opportunities that can be a rep's or a team's open deal at @AsOf (<see cref="MetricSql.MemberOwners"/>): owned by a
    /// member now and open now or closed after @AsOf (a deal closed at or before @AsOf and not reopened was not open then),
    /// or handed to or from one. A superset: the moves and <see cref="OwnerAsOf"/> decide. Two branches, each a range of the
    /// owner-first close index, keep the read to the deals of the time asked for, not every deal of the members' history.
    /// </summary>
    /// <remarks>A property, like <see cref="OpenAsOfMembers"/>: the explain statements of the store's other part are built from
    /// them, and static fields of a partial class's parts are initialised in no set order.</remarks>
    private static string MemberCandidates => $"""
        SELECT so.id FROM opportunities so WHERE {MetricSql.MemberOwners("so.owner_id")} AND so.closed_at IS NULL
        UNION SELECT sc.id FROM opportunities sc WHERE {MetricSql.MemberOwners("sc.owner_id")} AND sc.closed_at > @AsOf
        UNION SELECT c.opportunity_id FROM owner_changes c WHERE {MetricSql.MemberOwners("c.to_owner_id")}
        UNION SELECT c.opportunity_id FROM owner_changes c WHERE {MetricSql.MemberOwners("c.from_owner_id")}
        """;

    /// <summary>
    /// <see cref="OpenAsOfFast"/> for a rep or a team: the same two branches over <see cref="MemberCandidates"/> only, which drive
    /// the moves' read (their moves by opportunity), so the cost follows the subject's deals, not every deal's history.
    /// </summary>
    private static string OpenAsOfMembers => $"""
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

    /// <summary>
    /// The deals open at <c>@AsOf</c> with their owner's name: the organisation's from <see cref="OpenAsOfFast"/>, a rep's or a
    /// team's from <see cref="OpenAsOfMembers"/>.
    /// </summary>
    public static readonly SubjectSql OpenAt = new(OrganisationOpenAt(OpenAtText), new(OpenAtText(OpenAsOfMembers)));

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

    /// <summary>
    /// The open deals now per stage and owner, from the rollup kept by triggers: count, amount, Σ entry instants (Unix ms).
    /// For a rep or a team, their rows by the owner-first key, not every owner's rows filtered.
    /// </summary>
    public static readonly SubjectSql CurrentGroups = SubjectSql.SubjectOrMembers("t.owner_id", CurrentGroupsWhere);

    /// <summary>The entry instant of the deals now in <c>@StageId</c>, earliest first, skipping <c>@Skip</c> and taking <c>@Take</c>: a stage's middle deal(s).</summary>
    public static readonly Sql StageEntriesAt = new("""
        SELECT o.stage_entered_at FROM opportunities o
        WHERE o.stage_id = @StageId AND o.deleted_at IS NULL
        ORDER BY o.stage_entered_at
        {skip take}
        """);

    /// <summary>The stage and entry instant of every deal open now of a rep or team (<see cref="MetricSql.MemberOwners"/>).</summary>
    public static readonly Sql MemberEntries = new($"""
        SELECT o.stage_id AS StageId, o.stage_entered_at AS EnteredAt
        FROM opportunities o
        JOIN stages st ON st.id = o.stage_id
        WHERE st.kind = 'open' AND {MetricSql.LiveDeals(MetricSql.MemberOwners("o.owner_id"))}
        """);

    /// <summary>
    /// The deals open at <c>@AsOf</c> replayed from every stage move up to it (<see cref="OpenAsOf"/>): the definition the
    /// snapshot's and the explain's faster reads must equal. It reads the whole history before <c>@AsOf</c>, so only checks use it.
    /// </summary>
    public static readonly Sql OpenAtReplayed = new(OpenAtText(OpenAsOf));

    public async Task<IReadOnlyList<OpenDeal>> OpenAtAsync(MetricScope scope, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        await OpenDealsAsync(OpenAt.For(scope.Subject), scope, asOf, cancellationToken);

    /// <summary>The deals open at <paramref name="asOf"/> by <see cref="OpenAtReplayed"/> (slow: for checks).</summary>
    public async Task<IReadOnlyList<OpenDeal>> ReplayOpenAtAsync(MetricScope scope, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        await OpenDealsAsync(OpenAtReplayed, scope, asOf, cancellationToken);

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
        var groups = (await SpanQueryAsync<GroupRow>(CurrentGroups.For(scope.Subject), scope, asOf, null, cancellationToken))
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

    /// <summary>The open pipeline as of <paramref name="asOf"/>: from the current state when nothing changed since, else replayed.</summary>
    public async Task<OpenPipeline> OpenPipelineAsync(MetricScope scope, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        await CurrentPipelineAsync(scope, asOf, cancellationToken) ?? OpenPipeline.Of(await OpenAtAsync(scope, asOf, cancellationToken), asOf);

    private async Task<IReadOnlyList<OpenDeal>> OpenDealsAsync(Sql sql, MetricScope scope, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        (await SpanQueryAsync<DealRow>(sql, scope, asOf, new { AsOf = asOf }, cancellationToken))
        .Select(d => new OpenDeal(d.OpportunityId, d.OwnerId, d.OwnerName, d.StageId, d.Amount, d.EnteredAt))
        .ToList();

    private static Sql CurrentGroupsWhere(string owners) => new($"""
        SELECT t.stage_id AS StageId, t.owner_id AS OwnerId, u.display_name AS OwnerName, t.deals AS Count, t.amount AS Amount,
               t.entered_ms AS EnteredMs
        FROM pipeline_totals t
        JOIN stages st ON st.id = t.stage_id
        LEFT JOIN users u ON u.id = t.owner_id
        WHERE st.kind = 'open' AND t.deals <> 0 AND {owners} AND {MetricSql.Pipeline("t.pipeline_id")}
        """);

    private static string OpenAtText(string openAsOf) => $"""
        SELECT y.OpportunityId, y.OwnerId, u.display_name AS OwnerName, y.StageId, y.Amount, y.EnteredAt
        FROM ({Pipeline(openAsOf)}) y
        LEFT JOIN users u ON u.id = y.OwnerId
        WHERE {MetricSql.Subject("y.OwnerId")}
        """;

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
}
