using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.Pipeline;
using SalesCrm.Infrastructure.Auth;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Demo;
using SalesCrm.Infrastructure.Metrics;
using SalesCrm.Infrastructure.Metrics.Rollups;
using SalesCrm.Infrastructure.Opportunities;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// The columns migration 0015 keeps on stage moves (neighbours' instants and stages, owner, deleted flag) and the exits per
/// stage and day must always say what the records say: after a generated history, after new moves, reassignments,
/// soft-deletes and restores, and after a rebuild. The pipeline figures read from them must equal the records behind them
/// (the explain queries, which replay the history) and the historical medians must equal the median of every exit.
/// </summary>
public abstract class StageMoveRollupTests(TestDatabase database) : DatabaseTests(database)
{
    private static readonly GeneratorProfile Tiny = GeneratorProfile.Small with { Teams = 1, RepsPerTeam = 2, Days = 90, Seed = 11 };

    /// <summary>Every move with its neighbours and opportunity, as the records say (the raw definition the columns summarise).</summary>
    private const string ColumnsDisagree = """
        SELECT COUNT(*) FROM stage_moves m
        JOIN opportunities o ON o.id = m.opportunity_id
        LEFT JOIN stage_moves p ON p.opportunity_id = m.opportunity_id AND p.move_number = m.move_number - 1
        LEFT JOIN stage_moves n ON n.opportunity_id = m.opportunity_id AND n.move_number = m.move_number + 1
        WHERE (p.id IS NULL AND (m.from_entered_at IS NOT NULL OR m.from_stage_ms IS NOT NULL))
           OR (p.id IS NOT NULL AND (m.from_entered_at IS NULL OR m.from_entered_at <> p.occurred_at OR m.from_stage_ms IS NULL))
           OR (n.id IS NULL AND (m.left_at IS NOT NULL OR m.next_stage_id IS NOT NULL))
           OR (n.id IS NOT NULL AND (m.left_at IS NULL OR m.left_at <> n.occurred_at OR m.next_stage_id IS NULL OR m.next_stage_id <> n.to_stage_id))
           OR m.owner_id IS NULL OR m.owner_id <> o.owner_id
           OR m.opportunity_deleted <> CASE WHEN o.deleted_at IS NULL THEN 0 ELSE 1 END
        """;

    /// <summary>Days counted by the records but not by the rollup (or differently), and days only the rollup counts.</summary>
    private static readonly string ExitDaysDisagree = ExitBucketsDisagree("stage_exit_days", "day", 86_400_000);

    /// <summary>The same for the whole hours spent (stage_exit_hours, 0041).</summary>
    private static readonly string ExitHoursDisagree = ExitBucketsDisagree("stage_exit_hours", "hour", 3_600_000);

    private static string ExitBucketsDisagree(string table, string bucket, long ms) => $"""
        SELECT (SELECT COUNT(*) FROM (
                    SELECT from_stage_id AS stage_id, from_stage_ms / {ms} AS {bucket}, COUNT(*) AS exits FROM stage_moves
                    WHERE from_stage_id IS NOT NULL AND from_stage_ms IS NOT NULL AND opportunity_deleted = 0
                    GROUP BY from_stage_id, from_stage_ms / {ms}) r
                LEFT JOIN {table} d ON d.stage_id = r.stage_id AND d.{bucket} = r.{bucket}
                WHERE d.exits IS NULL OR d.exits <> r.exits)
             + (SELECT COUNT(*) FROM {table} d
                WHERE d.exits <> 0 AND NOT EXISTS (SELECT 1 FROM stage_moves m
                                                   WHERE m.from_stage_id = d.stage_id AND m.opportunity_deleted = 0
                                                     AND m.from_stage_ms / {ms} = d.{bucket}))
        """;

    /// <summary>
    /// Months whose stage_time_months row differs from the organisation rows of stage_time_days summed over the month (or that
    /// only one side has): the month rollup must be their sum after every change.
    /// </summary>
    private static string MonthsDisagree(string month) => $"""
        SELECT (SELECT COUNT(*) FROM (
                    SELECT {month} AS month, d.stage_id, d.spent_days, SUM(d.exits) AS exits, SUM(d.spent_ms) AS spent_ms
                    FROM stage_time_days d WHERE d.owner_id = '00000000-0000-0000-0000-000000000000'
                    GROUP BY {month}, d.stage_id, d.spent_days) r
                LEFT JOIN stage_time_months m ON m.month = r.month AND m.stage_id = r.stage_id AND m.spent_days = r.spent_days
                WHERE (r.exits <> 0 OR r.spent_ms <> 0) AND (m.month IS NULL OR m.exits <> r.exits OR m.spent_ms <> r.spent_ms))
             + (SELECT COUNT(*) FROM stage_time_months m
                WHERE (m.exits <> 0 OR m.spent_ms <> 0)
                  AND NOT EXISTS (SELECT 1 FROM stage_time_days d
                                  WHERE d.owner_id = '00000000-0000-0000-0000-000000000000' AND {month} = m.month
                                    AND d.stage_id = m.stage_id AND d.spent_days = m.spent_days))
        """;

    /// <summary>Every exit from an open stage of an opportunity not deleted, with the move before it: the stages' norm from the records.</summary>
    private const string RawExits = """
        SELECT lv.from_stage_id AS StageId, e.occurred_at AS EnteredAt, lv.occurred_at AS ExitedAt
        FROM stage_moves lv
        JOIN stage_moves e ON e.opportunity_id = lv.opportunity_id AND e.move_number = lv.move_number - 1
        JOIN stages fs ON fs.id = lv.from_stage_id
        JOIN opportunities o ON o.id = lv.opportunity_id
        WHERE fs.kind = 'open' AND o.deleted_at IS NULL
        """;

    [Fact]
    public async Task The_stage_move_columns_and_the_pipeline_figures_agree_with_the_records_through_every_change()
    {
        await new SalesHistoryGenerator(Connections, new IdentityPasswordHasher(), new FixedClock(Now), NullLogger<SalesHistoryGenerator>.Instance)
            .GenerateAsync(Tiny, reps: null, HistoryWrites.ThroughTriggers, Cancellation);
        await using var connection = await Connections.OpenAsync(Cancellation);
        await AssertAgreeAsync(connection);

        await MoveOpenDealsAsync(connection);
        await ReassignAsync(connection);
        var digit = Connections.Dialect == SqlDialect.Sqlite ? "SUBSTR(CAST(id AS VARCHAR(36)), 1, 1)" : "SUBSTRING(CAST(id AS VARCHAR(36)), 1, 1)";
        await connection.ExecuteAsync($"UPDATE opportunities SET deleted_at = @Now, deleted_by = owner_id WHERE {digit} IN ('a', 'b', 'c')", new { Now });
        await connection.ExecuteAsync($"UPDATE opportunities SET deleted_at = NULL, deleted_by = NULL WHERE {digit} = 'a'");
        await AssertAgreeAsync(connection);

        // A rebuild (after a migration, or on a zone change) recomputes what a broken row would hold.
        await connection.ExecuteAsync("UPDATE stage_moves SET left_at = NULL, next_stage_id = NULL, owner_id = NULL, from_stage_ms = NULL");
        await connection.ExecuteAsync("DELETE FROM stage_exit_days");
        await connection.ExecuteAsync("UPDATE stage_exit_hours SET exits = exits + 1");
        await connection.ExecuteAsync("UPDATE stage_time_days SET exits = exits + 1");
        await connection.ExecuteAsync("DELETE FROM stage_entry_days WHERE owner_id <> @Organisation", new { Organisation = Guid.Empty });
        await connection.ExecuteAsync("UPDATE pipeline_totals SET deals = deals + 1, entered_ms = 0");
        await connection.ExecuteAsync("UPDATE stage_time_months SET exits = exits + 1");
        foreach (var statement in StageMoveRollup.Statements.Concat(StageDayRollup.Statements).Concat(PipelineTotalsRollup.Statements)
                     .Concat(StageTimeMonthRollup.Statements).Concat(StageExitHourRollup.Statements))
        {
            await connection.ExecuteAsync(statement.For(Connections.Dialect));
        }

        await AssertAgreeAsync(connection);
    }

    private async Task AssertAgreeAsync(System.Data.Common.DbConnection connection)
    {
        Assert.Equal(0, await Count(connection, ColumnsDisagree));
        var durations = await connection.QueryAsync<(DateTimeOffset EnteredAt, DateTimeOffset OccurredAt, long Ms)>(
            "SELECT from_entered_at, occurred_at, from_stage_ms FROM stage_moves WHERE from_entered_at IS NOT NULL");
        Assert.All(durations, d => Assert.Equal((long)(d.OccurredAt - d.EnteredAt).TotalMilliseconds, d.Ms));
        Assert.Equal(0, await Count(connection, ExitDaysDisagree));
        Assert.Equal(0, await Count(connection, ExitHoursDisagree));
        Assert.Equal(0, await Count(connection, MonthsDisagree(Connections.Dialect == SqlDialect.Sqlite ? "substr(d.day, 1, 7) || '-01'" : "DATEFROMPARTS(YEAR(d.day), MONTH(d.day), 1)")));
        await AssertDayRollupsAsync(connection);

        var store = new PipelineMetricsStore(Connections);
        var rep = await connection.QueryFirstAsync<Guid>("SELECT owner_id FROM opportunities ORDER BY id");
        var team = await connection.QueryFirstAsync<Guid>("SELECT team_id FROM users WHERE id = @Rep", new { Rep = rep });
        foreach (var subject in new[] { MetricSubject.Organisation, new MetricSubject(null, rep), new MetricSubject(team, null) })
        {
            await AssertCurrentPipelineAsync(store, subject, Now.AddYears(1));
        }

        foreach (var subject in new[] { MetricSubject.Organisation, new MetricSubject(null, rep), new MetricSubject(team, null) })
        {
            foreach (var asOf in new[] { Now.AddYears(1), Now, Now.AddDays(-3), Now.AddDays(-20), Now.AddDays(-61), Now.AddYears(-1) })
            {
                await AssertSnapshotAsync(store, subject, asOf);
            }

            var today = DateOnly.FromDateTime(Now.UtcDateTime);
            foreach (var (from, to) in new[] { (today.AddYears(-2), today.AddDays(1)), (today.AddDays(-40), today.AddDays(-10)), (today.AddDays(-7), today) })
            {
                await AssertWindowAsync(store, MetricScope.Create(subject, null, from, to, null, TimeZoneInfo.Utc));
            }

            await AssertWindowAsync(store, MetricScope.Create(subject, null, today.AddDays(-63), today.AddDays(1), Bucket.Week, TimeZoneInfo.Utc));
        }

        var medians = (await store.MedianExitsAsync(null, Cancellation)).GroupBy(e => e.StageId).ToDictionary(g => g.Key, g => Ratio.Median(g.Select(e => e.Days)));
        var raw = (await connection.QueryAsync<StageExit>(RawExits)).GroupBy(e => e.StageId).ToDictionary(g => g.Key, g => Ratio.Median(g.Select(e => e.Days)));
        Assert.NotEmpty(raw);
        Assert.Equal(raw.OrderBy(p => p.Key), medians.OrderBy(p => p.Key));
    }

    private static async Task AssertSnapshotAsync(PipelineMetricsStore store, MetricSubject subject, DateTimeOffset asOf)
    {
        var day = DateOnly.FromDateTime(asOf.UtcDateTime);
        var scope = MetricScope.Create(subject, null, day, day.AddDays(1), null, TimeZoneInfo.Utc);
        var replayed = (await store.ReplayOpenAtAsync(scope, asOf, Cancellation)).Select(d => (d.OpportunityId, d.EnteredAt, d.OwnerId)).Order().ToList();
        var deals = (await store.OpenAtAsync(scope, asOf, Cancellation)).Select(d => (d.OpportunityId, d.EnteredAt, d.OwnerId)).Order();
        var records = (await ExplainAsync(store, scope, PipelineFigure.OpenOpportunities, asOf)).Select(r => (r.Id, r.At, r.OwnerId)).Order();
        Assert.Equal(replayed, deals);
        Assert.Equal(replayed, records);
    }

    /// <summary>
    /// After the last change, the pipeline read from the current state (pipeline_totals and the index on stage and entry
    /// instant) equals the pipeline replayed from the stage history: counts, amounts and time in stage per stage and owner,
    /// and each stage's middle deal(s).
    /// </summary>
    private static async Task AssertCurrentPipelineAsync(PipelineMetricsStore store, MetricSubject subject, DateTimeOffset asOf)
    {
        var day = DateOnly.FromDateTime(asOf.UtcDateTime);
        var scope = MetricScope.Create(subject, null, day, day.AddDays(1), null, TimeZoneInfo.Utc);
        var current = await store.CurrentPipelineAsync(scope, asOf, Cancellation);
        Assert.NotNull(current);
        var replayed = OpenPipeline.Of(await store.OpenAtAsync(scope, asOf, Cancellation), asOf);
        Assert.NotEmpty(replayed.Groups);
        Assert.Equal(Groups(replayed), Groups(current));
        Assert.Equal(Middles(replayed), Middles(current));
    }

    private static List<OpenDealGroup> Groups(OpenPipeline pipeline) =>
        pipeline.Groups.Where(g => g.Count != 0).OrderBy(g => g.StageId).ThenBy(g => g.OwnerId).ToList();

    private static List<string> Middles(OpenPipeline pipeline) =>
        pipeline.MiddleDays.OrderBy(m => m.Key).Select(m => $"{m.Key}: {string.Join(", ", m.Value)}").ToList();

    /// <summary>
    /// Each span's exits and entries per open stage, as the store reads them from the day rollups (and the exits of the
    /// middle day), equal the figures computed from the records the explain queries list: count, average and median days,
    /// entries by fate.
    /// </summary>
    private async Task AssertWindowAsync(PipelineMetricsStore store, MetricScope scope)
    {
        var exits = (await store.ExitsAsync(scope, Cancellation)).Where(e => e.Exits > 0)
            .Select(e => (e.SpanIndex, e.StageId, e.Exits, e.AverageDays, e.MedianDays)).Order().ToList();
        var entries = (await store.EntriesAsync(scope, Cancellation)).GroupBy(e => (e.SpanIndex, e.StageId, Fate(e.Fate)))
            .Select(g => (g.Key.SpanIndex, g.Key.StageId, g.Key.Item3, g.Sum(e => e.Count))).Where(e => e.Item4 > 0).Order().ToList();
        var expectedExits = new List<(int, Guid, long, double?, double?)>();
        var expectedEntries = new List<(int, Guid, string, long)>();
        await using var connection = await Connections.OpenAsync(Cancellation);
        foreach (var stage in await connection.QueryAsync<Guid>("SELECT id FROM stages WHERE kind = 'open'"))
        {
            var exitRecords = await ExplainAsync(store, scope, PipelineFigure.StageExits, Now, stage);
            var entryRecords = await ExplainAsync(store, scope, PipelineFigure.StageEntries, Now, stage);
            foreach (var span in scope.Spans)
            {
                var days = exitRecords.Where(r => r.At >= span.FromUtc && r.At < span.ToUtc).Select(r => r.Value ?? -1).ToList();
                if (days.Count > 0)
                {
                    expectedExits.Add((span.Index, stage, days.Count, Ratio.Average(days), Ratio.Median(days)));
                }

                expectedEntries.AddRange(entryRecords.Where(r => r.At >= span.FromUtc && r.At < span.ToUtc)
                    .GroupBy(r => r.Label ?? "").Select(g => (span.Index, stage, g.Key, (long)g.Count())));
            }
        }

        Assert.NotEmpty(expectedExits);
        Assert.NotEmpty(expectedEntries);
        Assert.Equal(expectedExits.Order(), exits);
        Assert.Equal(expectedEntries.Order(), entries);
    }

    /// <summary>
    /// The day rollups kept by the triggers hold what a rebuild from the moves would (rows netting to zero aside), and every
    /// organisation row is the sum of the owners' rows of its day and keys.
    /// </summary>
    private async Task AssertDayRollupsAsync(System.Data.Common.DbConnection connection)
    {
        var kept = (await RollupRowsAsync(connection)).ToList();
        await using (var transaction = await connection.BeginTransactionAsync(Cancellation))
        {
            foreach (var statement in StageDayRollup.Statements)
            {
                await connection.ExecuteAsync(statement.For(Connections.Dialect), transaction: transaction);
            }

            Assert.Equal((await RollupRowsAsync(connection, transaction)).ToList(), kept);
            await transaction.RollbackAsync(Cancellation);
        }

        var owners = kept.Where(r => r.Owner != Guid.Empty).GroupBy(r => (r.Table, r.Day, r.Stage, r.Key))
            .Select(g => (g.Key.Table, Owner: Guid.Empty, g.Key.Day, g.Key.Stage, g.Key.Key, Count: g.Sum(r => r.Count), Ms: g.Sum(r => r.Ms)))
            .Where(r => r.Count != 0 || r.Ms != 0).Order();
        Assert.NotEmpty(owners);
        Assert.Equal(owners, kept.Where(r => r.Owner == Guid.Empty));
    }

    private async Task<IEnumerable<(string Table, Guid Owner, string Day, Guid Stage, string Key, long Count, long Ms)>> RollupRowsAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction = null)
    {
        var day = Connections.Dialect == SqlDialect.Sqlite ? "day" : "CONVERT(CHAR(10), day, 23)";
        var key = Connections.Dialect == SqlDialect.Sqlite ? "CAST(spent_days AS TEXT)" : "CAST(spent_days AS VARCHAR(20))";
        var rows = await connection.QueryAsync<(string Table, Guid Owner, string Day, Guid Stage, string Key, long Count, long Ms)>($"""
            SELECT 'entries', owner_id, {day}, stage_id, CAST(next_stage_id AS VARCHAR(36)), CAST(entries AS BIGINT), CAST(0 AS BIGINT)
            FROM stage_entry_days WHERE entries <> 0
            UNION ALL
            SELECT 'times', owner_id, {day}, stage_id, {key}, CAST(exits AS BIGINT), spent_ms
            FROM stage_time_days WHERE exits <> 0 OR spent_ms <> 0
            """, transaction: transaction);
        return rows.Select(r => r with { Key = r.Key.ToLowerInvariant() }).Order();
    }

    /// <summary>
    /// Every record of a figure, read as a client pages through them (7 a page, so pages end inside runs of equal instants):
    /// oldest first, none twice.
    /// </summary>
    private static async Task<IReadOnlyList<MetricRecord>> ExplainAsync(
        PipelineMetricsStore store, MetricScope scope, PipelineFigure figure, DateTimeOffset asOf, Guid? stageId = null)
    {
        var records = new List<MetricRecord>();
        ExplainPosition? after = null;
        do
        {
            var page = await store.ExplainAsync(new ExplainRequest<PipelineFigure>(scope, figure, 7, after), asOf, stageId, Cancellation);
            records.AddRange(page.Items);
            after = page.NextCursor is null ? null : new ExplainPosition(page.Items[^1].At, page.Items[^1].Id);
        }
        while (after is not null);

        Assert.Equal(records.Select(r => r.At).Order(), records.Select(r => r.At));
        Assert.Equal(records.Count, records.Select(r => r.Id).Distinct().Count());
        return records;
    }

    private static string Fate(EntryFate fate) => fate switch
    {
        EntryFate.StillIn => "still_in",
        EntryFate.MovedBack => "moved_back",
        _ => fate.ToString().ToLowerInvariant(),
    };

    /// <summary>Half the open deals move on (the next stage, or back to the first, or Lost), a few hours to days after they entered their stage.</summary>
    private async Task MoveOpenDealsAsync(System.Data.Common.DbConnection connection)
    {
        var stages = (await connection.QueryAsync<(Guid Id, Guid PipelineId, int Position, string Kind)>(
            "SELECT id, pipeline_id, position, kind FROM stages")).ToList();
        var open = await connection.QueryAsync<(Guid Id, Guid StageId, Guid OwnerId, DateTimeOffset EnteredAt)>("""
            SELECT o.id, o.stage_id, o.owner_id, o.stage_entered_at FROM opportunities o JOIN stages s ON s.id = o.stage_id
            WHERE s.kind = 'open' AND o.deleted_at IS NULL ORDER BY o.id
            """);
        var lostReason = await connection.QueryFirstOrDefaultAsync<Guid?>("SELECT id FROM lost_reasons ORDER BY id");
        var i = 0;
        foreach (var deal in open.Where((_, index) => index % 2 == 0))
        {
            var here = stages.Single(s => s.Id == deal.StageId);
            var pipeline = stages.Where(s => s.PipelineId == here.PipelineId).OrderBy(s => s.Position).ToList();
            var target = (i++ % 3) switch
            {
                0 => pipeline.First(s => s.Position > here.Position),
                1 when lostReason is not null => pipeline.First(s => s.Kind == "lost"),
                _ => pipeline.First(s => s.Id != here.Id && s.Kind == "open"),
            };
            var at = deal.EnteredAt + (Now - deal.EnteredAt) * ((i % 5) + 1) / 6;
            at = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
            await connection.ExecuteAsync(OpportunityStore.AppendMove.For(Connections.Dialect), new
            {
                Id = Guid.CreateVersion7(),
                OpportunityId = deal.Id,
                FromStageId = deal.StageId,
                ToStageId = target.Id,
                OccurredAt = at,
                MovedBy = deal.OwnerId,
                RecordedAt = Now,
                LostReasonId = target.Kind == "lost" ? lostReason : null,
            });
            await connection.ExecuteAsync(
                "UPDATE opportunities SET stage_id = @StageId, stage_entered_at = @At, version = version + 1 WHERE id = @Id",
                new { StageId = target.Id, At = at, deal.Id });
        }
    }

    /// <summary>A quarter of the deals change hands ten days ago (with the owner change recorded, as the API does).</summary>
    private async Task ReassignAsync(System.Data.Common.DbConnection connection)
    {
        var reps = (await connection.QueryAsync<Guid>("SELECT DISTINCT owner_id FROM opportunities ORDER BY owner_id")).ToList();
        var deals = (await connection.QueryAsync<(Guid Id, Guid OwnerId, DateTimeOffset CreatedAt)>(
            "SELECT id, owner_id, created_at FROM opportunities ORDER BY id")).Where((_, index) => index % 4 == 1).ToList();
        foreach (var deal in deals.Where(d => d.CreatedAt <= Now.AddDays(-10)))
        {
            var to = reps.First(r => r != deal.OwnerId);
            await connection.ExecuteAsync(OpportunityStore.InsertOwnerChange.For(Connections.Dialect), new
            {
                Id = Guid.CreateVersion7(),
                OpportunityId = deal.Id,
                FromOwnerId = deal.OwnerId,
                ToOwnerId = to,
                OccurredAt = Now.AddDays(-10),
                ChangedBy = to,
            });
            await connection.ExecuteAsync("UPDATE opportunities SET owner_id = @To, version = version + 1 WHERE id = @Id", new { To = to, deal.Id });
        }
    }

    private static async Task<long> Count(System.Data.Common.DbConnection connection, string sql) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: Cancellation));
}

public sealed class SqliteStageMoveRollupTests(SqliteDatabase database)
    : StageMoveRollupTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerStageMoveRollupTests(SqlServerDatabase database)
    : StageMoveRollupTests(database), IClassFixture<SqlServerDatabase>;
