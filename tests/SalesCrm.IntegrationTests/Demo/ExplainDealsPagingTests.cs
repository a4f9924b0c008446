using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCrm.Application.Forecasts;
using SalesCrm.Application.Metrics.Attainment;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.FollowUps;
using SalesCrm.Application.Metrics.Pipeline;
using SalesCrm.Application.Metrics.Results;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.Forecasts;
using SalesCrm.Infrastructure.Auth;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Demo;
using SalesCrm.Infrastructure.Forecasts;
using SalesCrm.Infrastructure.Metrics;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// The results, lead, follow-up (deals, stage advances, completed and late follow-ups), won-deal (funnel, quota), pipeline
/// (stage exits and entries, every stage and one) and forecast explain statements, rewritten per figure and subject with the keyset as a seek (and the
/// open deals decided a chunk of candidates at a time), must page through exactly the rows the one generic statement each
/// store had before returned, in the same order: every page of 7 for the organisation, a rep and a team, on a generated
/// history with rows tied on their instant across page boundaries. The generic statements are kept here only as the oracle.
/// </summary>
public abstract class ExplainDealsPagingTests(TestDatabase database) : GeneratedHistoryTests(database)
{
    private static readonly GeneratorProfile TwoTeams = GeneratorProfile.Small with { Teams = 2, RepsPerTeam = 2, Days = 90, Seed = 23 };

    private const int PageSize = 7;

    private static readonly string OldDeals = """
        SELECT * FROM (
            SELECT 'opportunity' AS Kind, o.id AS Id, CASE WHEN @Figure = 'open_opportunities' THEN o.created_at ELSE o.closed_at END AS At,
                   o.owner_id AS OwnerId, o.name AS Label, o.amount AS Amount,
                   CASE WHEN @Figure <> 'open_opportunities' AND o.outcome = 'won' THEN {cycle} ELSE NULL END AS Value,
                   o.id AS OpportunityId
            FROM opportunities o
            WHERE o.deleted_at IS NULL AND {subject}
              AND (   (@Figure = 'won_deals' AND o.outcome = 'won' AND o.closed_at >= @WindowFrom AND o.closed_at < @WindowTo)
                   OR (@Figure = 'lost_deals' AND o.outcome = 'lost' AND o.closed_at >= @WindowFrom AND o.closed_at < @WindowTo)
                   OR (@Figure = 'closed_deals' AND o.outcome IN ('won', 'lost') AND o.closed_at >= @WindowFrom AND o.closed_at < @WindowTo)
                   OR (@Figure = 'open_opportunities' AND o.created_at < @WindowTo
                       AND EXISTS (SELECT 1 FROM stage_moves m JOIN stages st ON st.id = m.to_stage_id
                                   WHERE m.opportunity_id = o.id AND st.kind = 'open'
                                     AND m.move_number = (SELECT MAX(m2.move_number) FROM stage_moves m2
                                                          WHERE m2.opportunity_id = o.id AND m2.occurred_at < @WindowTo))))
        ) x
        ORDER BY x.At, x.Id
        """;

    private static readonly string OldLeads = """
        SELECT * FROM (
            SELECT 'lead' AS Kind, q.id AS Id, q.created_at AS At, q.owner_id AS OwnerId, q.name AS Label, NULL AS Amount,
                   CASE WHEN q.first_at IS NULL THEN NULL WHEN q.first_at < q.created_at THEN 0.0 ELSE {hours} END AS Value,
                   q.converted_opportunity_id AS OpportunityId
            FROM (
                SELECT l.id, l.created_at, l.owner_id, l.name, l.status, l.converted_opportunity_id,
                       (SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = l.id AND a.deleted_at IS NULL) AS first_at
                FROM leads l
                WHERE l.deleted_at IS NULL AND {subject(l.owner_id)} AND l.created_at >= @WindowFrom AND l.created_at < @WindowTo
            ) q
            WHERE @Figure = 'leads_created'
               OR (@Figure = 'leads_converted' AND (q.status = 'converted' OR q.converted_opportunity_id IS NOT NULL))
               OR (@Figure = 'leads_responded' AND q.first_at IS NOT NULL)
        ) x
        ORDER BY x.At, x.Id
        """;

    private const string FollowUpsInStage = """
        (SELECT COUNT(*) FROM follow_ups f
         JOIN stage_moves p ON p.opportunity_id = m.opportunity_id AND p.move_number = m.move_number - 1
         WHERE f.opportunity_id = m.opportunity_id AND f.status = 'completed' AND f.deleted_at IS NULL
           AND f.completed_at >= p.occurred_at AND f.completed_at < m.occurred_at)
        """;

    private const string FollowUpsBeforeClose = """
        (SELECT COUNT(*) FROM follow_ups f
         WHERE f.opportunity_id = o.id AND f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at <= o.closed_at)
        """;

    private static readonly string OldAdvances = $"""
        SELECT * FROM (
            SELECT 'stage_move' AS Kind, m.id AS Id, m.occurred_at AS At, o.owner_id AS OwnerId, fs.name AS Label, NULL AS Amount,
                   CAST({FollowUpsInStage} AS FLOAT) AS Value, m.opportunity_id AS OpportunityId
            FROM stage_moves m
            CROSS JOIN stages fs
            CROSS JOIN stages ts
            JOIN opportunities o ON o.id = m.opportunity_id
            WHERE fs.id = m.from_stage_id AND ts.id = m.to_stage_id AND m.occurred_at >= @WindowFrom AND m.occurred_at < @WindowTo AND o.deleted_at IS NULL
              AND fs.kind = 'open' AND ts.pipeline_id = fs.pipeline_id AND ((ts.kind = 'open' AND ts.position > fs.position) OR ts.kind = 'won')
              AND {"{subject}"}
        ) x
        ORDER BY x.At, x.Id
        """;

    private static readonly string OldFollowUpDeals = $"""
        SELECT * FROM (
            SELECT 'opportunity' AS Kind, o.id AS Id, o.closed_at AS At, o.owner_id AS OwnerId, o.name AS Label, o.amount AS Amount,
                   CAST({FollowUpsBeforeClose} AS FLOAT) AS Value, o.id AS OpportunityId
            FROM opportunities o
            WHERE o.outcome IN ('won', 'lost') AND o.closed_at >= @WindowFrom AND o.closed_at < @WindowTo AND o.deleted_at IS NULL
              AND {"{subject}"}
              AND (   (@Figure = 'won_deals' AND o.outcome = 'won')
                   OR (@Figure = 'lost_deals' AND o.outcome = 'lost')
                   OR (@Figure = 'early_give_ups' AND o.outcome = 'lost' AND {FollowUpsBeforeClose} <= 1))
        ) x
        ORDER BY x.At, x.Id
        """;

    private static readonly string OldFollowUps = """
        SELECT * FROM (
            SELECT 'follow_up' AS Kind, f.id AS Id, f.completed_at AS At, f.owner_id AS OwnerId, f.channel AS Label, NULL AS Amount,
                   CAST(CASE WHEN f.completed_at > f.due_at THEN {late hours} ELSE 0 END AS FLOAT) AS Value, f.opportunity_id AS OpportunityId
            FROM follow_ups f
            WHERE f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at >= @WindowFrom AND f.completed_at < @WindowTo
              AND {subject(f.owner_id)}
              AND (@Figure = 'completed_follow_ups' OR (@Figure = 'late_follow_ups' AND f.completed_at > f.due_at))
        ) x
        ORDER BY x.At, x.Id
        """;

    private static readonly string OldWon = """
        SELECT * FROM (
            SELECT 'opportunity' AS Kind, o.id AS Id, o.closed_at AS At, o.owner_id AS OwnerId, o.name AS Label, o.amount AS Amount,
                   NULL AS Value, o.id AS OpportunityId
            FROM opportunities o
            WHERE o.outcome = 'won' AND o.deleted_at IS NULL AND {subject} AND o.closed_at >= @WindowFrom AND o.closed_at < @WindowTo
        ) x
        ORDER BY x.At, x.Id
        """;

    /// <summary>
    /// Stage exits and entries with the deal's owner as the subject (the statements under test find a member's moves through
    /// the owner each move carries) and every stage or one (<c>@StageId</c>).
    /// </summary>
    private static readonly string OldExits = """
        SELECT * FROM (
            SELECT 'stage_move' AS Kind, lv.id AS Id, lv.occurred_at AS At, o.owner_id AS OwnerId, o.name AS Label, o.amount AS Amount,
                   {days in stage} AS Value, o.id AS OpportunityId
            FROM stage_moves lv
            JOIN stage_moves e ON e.opportunity_id = lv.opportunity_id AND e.move_number = lv.move_number - 1
            JOIN stages fs ON fs.id = lv.from_stage_id
            JOIN opportunities o ON o.id = lv.opportunity_id
            WHERE fs.kind = 'open' AND o.deleted_at IS NULL AND lv.occurred_at >= @WindowFrom AND lv.occurred_at < @WindowTo
              AND {subject} AND (@StageId IS NULL OR lv.from_stage_id = @StageId)
        ) x
        ORDER BY x.At, x.Id
        """;

    private static readonly string OldEntries = """
        SELECT * FROM (
            SELECT 'stage_move' AS Kind, n.id AS Id, n.occurred_at AS At, o.owner_id AS OwnerId,
                   CASE WHEN nx.id IS NULL THEN 'still_in' WHEN ns.kind = 'won' THEN 'advanced' WHEN ns.kind = 'lost' THEN 'lost'
                        WHEN ns.position > s.position THEN 'advanced' ELSE 'moved_back' END AS Label,
                   o.amount AS Amount, NULL AS Value, o.id AS OpportunityId
            FROM stage_moves n
            JOIN stages s ON s.id = n.to_stage_id
            JOIN opportunities o ON o.id = n.opportunity_id
            LEFT JOIN stage_moves nx ON nx.opportunity_id = n.opportunity_id AND nx.move_number = n.move_number + 1
            LEFT JOIN stages ns ON ns.id = nx.to_stage_id
            WHERE s.kind = 'open' AND o.deleted_at IS NULL AND n.occurred_at >= @WindowFrom AND n.occurred_at < @WindowTo
              AND {subject} AND (@StageId IS NULL OR n.to_stage_id = @StageId)
        ) x
        ORDER BY x.At, x.Id
        """;

    [Fact]
    public async Task Every_page_of_the_deal_lead_and_follow_up_explains_is_what_the_generic_statements_returned()
    {
        await using var connection = await GenerateAsync(TwoTeams);
        await TieInstantsAsync(connection);
        await GeneratedHistoryEdits.DeleteAndReassignAsync(connection, Connections.Dialect, Now);

        var results = new ResultMetricsStore(Connections);
        var followUps = new FollowUpMetricsStore(Connections, new FixedClock(Now));
        var attainment = new AttainmentMetricsStore(Connections);
        var pipeline = new PipelineMetricsStore(Connections);
        var busiestStage = await connection.QueryFirstAsync<Guid>(
            "SELECT m.to_stage_id FROM stage_moves m JOIN stages st ON st.id = m.to_stage_id WHERE st.kind = 'open' GROUP BY m.to_stage_id ORDER BY COUNT(*) DESC");
        var rep = await connection.QueryFirstAsync<Guid>("SELECT owner_id FROM opportunities ORDER BY id");
        var team = await connection.QueryFirstAsync<Guid>("SELECT team_id FROM users WHERE id = @Rep", new { Rep = rep });
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var rows = 0;
        foreach (var subject in new[] { MetricSubject.Organisation, new MetricSubject(null, rep), new MetricSubject(team, null) })
        {
            foreach (var (from, to) in new[] { (today.AddDays(-100), today.AddDays(1)), (today.AddDays(-45), today.AddDays(-20)) })
            {
                var scope = MetricScope.Create(subject, null, from, to, null, TimeZoneInfo.Utc);
                foreach (var figure in Enum.GetValues<ResultFigure>())
                {
                    rows += await AssertSameAsync(connection, scope, figure, OldDeals, (r, a) => results.ExplainAsync(r with { After = a }, Cancellation));
                }

                foreach (var figure in Enum.GetValues<LeadFigure>())
                {
                    rows += await AssertSameAsync(connection, scope, figure, OldLeads, (r, a) => results.ExplainLeadsAsync(r with { After = a }, Cancellation));
                }

                rows += await AssertSameAsync(connection, scope, FunnelFigure.DealsWon, OldWon, (r, a) => attainment.ExplainWonAsync(r with { After = a }, Cancellation));
                rows += await AssertSameAsync(connection, scope, FollowUpFigure.StageAdvances, OldAdvances, (r, a) => followUps.ExplainAsync(r with { After = a }, Cancellation));
                foreach (var figure in new[] { FollowUpFigure.WonDeals, FollowUpFigure.LostDeals, FollowUpFigure.EarlyGiveUps })
                {
                    rows += await AssertSameAsync(connection, scope, figure, OldFollowUpDeals, (r, a) => followUps.ExplainAsync(r with { After = a }, Cancellation));
                }

                foreach (var figure in new[] { FollowUpFigure.CompletedFollowUps, FollowUpFigure.LateFollowUps })
                {
                    rows += await AssertSameAsync(connection, scope, figure, OldFollowUps, (r, a) => followUps.ExplainAsync(r with { After = a }, Cancellation));
                }

                foreach (var stage in new Guid?[] { null, busiestStage })
                {
                    foreach (var (figure, oldStatement) in new[] { (PipelineFigure.StageExits, OldExits), (PipelineFigure.StageEntries, OldEntries) })
                    {
                        rows += await AssertSameAsync(
                            connection, scope, figure, oldStatement, (r, a) => pipeline.ExplainAsync(r with { After = a }, Now, stage, Cancellation), new { StageId = stage });
                    }
                }
            }
        }

        Assert.True(rows > 500, $"the generated history gave {rows} rows only");

        var forecasts = new ForecastCalculator(new ForecastStore(Connections));
        var forecastRows = 0;
        foreach (var subject in new[] { MetricSubject.Organisation, new MetricSubject(null, rep), new MetricSubject(team, null) })
        {
            foreach (var (period, start) in new[] { (ForecastPeriod.Quarter, new DateOnly(2025, 4, 1)), (ForecastPeriod.Month, new DateOnly(2025, 6, 1)), (ForecastPeriod.Quarter, new DateOnly(2025, 7, 1)) })
            {
                var request = new ForecastRequest(subject, null, period, start, TimeZoneInfo.Utc, Now, HistoricalInputs.Defaults);
                foreach (var method in Enum.GetValues<ForecastMethod>())
                {
                    forecastRows += await AssertSameForecastAsync(forecasts, new ForecastStore(Connections), request, method);
                }
            }
        }

        Assert.True(forecastRows > 100, $"the generated history gave {forecastRows} forecast rows only");
    }

    /// <summary>
    /// Every page of 7 of a forecast method's explain, each read a page at a time, equals the records of every deal the
    /// explain listed before (all won so far, open and trailing won deals read whole, sorted by instant and id).
    /// </summary>
    private static async Task<int> AssertSameForecastAsync(ForecastCalculator calculator, ForecastStore store, ForecastRequest request, ForecastMethod method)
    {
        var (subject, until) = (request.Subject, request.Now < request.ToUtc ? request.Now : request.ToUtc);
        var whole = new ForecastDeals(
            until > request.FromUtc ? await store.WonDealsAsync(subject, null, request.FromUtc, until, Cancellation) : [],
            await store.OpenDealsAsync(subject, null, request.Start, request.End, Cancellation),
            await store.WonDealsAsync(
                subject, null, MetricWindow.StartOfDay(request.TrailingFrom, request.Zone), MetricWindow.StartOfDay(request.TrailingTo, request.Zone), Cancellation),
            (await calculator.CycleAsync(request, Cancellation)).TypicalDays);
        var expected = ForecastExplain.Records(method, request, whole).OrderBy(r => r.At).ThenBy(r => r.Id).Select(Comparable).ToList();
        var walked = new List<MetricRecord>();
        ExplainPosition? after = null;
        for (var pages = 0; pages < 10_000; pages++)
        {
            var page = ForecastExplain.Page(method, request, await calculator.DealsAsync(request, method, after, PageSize + 1, Cancellation), PageSize, after);
            walked.AddRange(page.Items);
            if (page.NextCursor is null)
            {
                break;
            }

            after = new ExplainPosition(page.Items[^1].At, page.Items[^1].Id);
        }

        Assert.Equal(expected, walked.Select(Comparable).ToList());
        return walked.Count;
    }

    [Fact]
    public async Task A_window_with_nothing_in_it_gives_an_empty_page_without_a_cursor()
    {
        await using var connection = await GenerateAsync(TwoTeams);
        var rep = await connection.QueryFirstAsync<Guid>("SELECT owner_id FROM opportunities ORDER BY id");
        var team = await connection.QueryFirstAsync<Guid>("SELECT team_id FROM users WHERE id = @Rep", new { Rep = rep });
        foreach (var subject in new[] { MetricSubject.Organisation, new MetricSubject(null, rep), new MetricSubject(team, null) })
        {
            await AssertEmptyAsync(MetricScope.Create(subject, null, new DateOnly(1990, 1, 1), new DateOnly(1990, 2, 1), null, TimeZoneInfo.Utc));
        }
    }

    private async Task AssertEmptyAsync(MetricScope scope)
    {
        var results = new ResultMetricsStore(Connections);
        var followUps = new FollowUpMetricsStore(Connections, new FixedClock(Now));
        foreach (var figure in Enum.GetValues<ResultFigure>())
        {
            var page = await results.ExplainAsync(new ExplainRequest<ResultFigure>(scope, figure, PageSize, null), Cancellation);
            Assert.Empty(page.Items);
            Assert.Null(page.NextCursor);
        }

        foreach (var figure in Enum.GetValues<LeadFigure>())
        {
            var page = await results.ExplainLeadsAsync(new ExplainRequest<LeadFigure>(scope, figure, PageSize, null), Cancellation);
            Assert.Empty(page.Items);
            Assert.Null(page.NextCursor);
        }

        foreach (var figure in Enum.GetValues<FollowUpFigure>())
        {
            var page = await followUps.ExplainAsync(new ExplainRequest<FollowUpFigure>(scope, figure, PageSize, null), Cancellation);
            Assert.Empty(page.Items);
            Assert.Null(page.NextCursor);
        }
    }

    /// <summary>Walks every page of 7 and compares the rows, in order, with the old statement's; returns how many rows there were.</summary>
    private async Task<int> AssertSameAsync<TFigure>(
        System.Data.Common.DbConnection connection, MetricScope scope, TFigure figure, string oldStatement,
        Func<ExplainRequest<TFigure>, ExplainPosition?, Task<Application.Common.Paging.Page<MetricRecord>>> page, object? oldParameters = null)
        where TFigure : struct, Enum
    {
        var expected = await OldRowsAsync(connection, scope, figure.ToName(), oldStatement, oldParameters);
        var walked = new List<MetricRecord>();
        ExplainPosition? after = null;
        var request = new ExplainRequest<TFigure>(scope, figure, PageSize, null);
        for (var pages = 0; pages < 10_000; pages++)
        {
            var next = await page(request, after);
            walked.AddRange(next.Items);
            if (next.NextCursor is null)
            {
                break;
            }

            Assert.Equal(PageSize, next.Items.Count);
            after = new ExplainPosition(next.Items[^1].At, next.Items[^1].Id);
        }

        Assert.Equal(expected, walked.Select(Comparable).ToList());
        return walked.Count;
    }

    private async Task<List<string>> OldRowsAsync(
        System.Data.Common.DbConnection connection, MetricScope scope, string figure, string statement, object? extraParameters)
    {
        var sqlite = Connections.Dialect == SqlDialect.Sqlite;
        var text = statement
            .Replace("{cycle}", sqlite ? "CAST(o.closed_at - o.created_at AS FLOAT) / 86400000.0" : "CAST(DATEDIFF_BIG(MILLISECOND, o.created_at, o.closed_at) AS FLOAT) / 86400000.0")
            .Replace("{hours}", sqlite ? "CAST(q.first_at - q.created_at AS FLOAT) / 3600000.0" : "CAST(DATEDIFF_BIG(MILLISECOND, q.created_at, q.first_at) AS FLOAT) / 3600000.0")
            .Replace("{days in stage}", sqlite ? "CAST(lv.occurred_at - e.occurred_at AS REAL) / 86400000.0" : "CAST(DATEDIFF_BIG(millisecond, e.occurred_at, lv.occurred_at) AS FLOAT) / 86400000.0")
            .Replace("{late hours}", sqlite ? "(f.completed_at - f.due_at) / 3600000.0" : "DATEDIFF_BIG(millisecond, f.due_at, f.completed_at) / 3600000.0")
            .Replace("{subject(l.owner_id)}", MetricSql.Subject("l.owner_id"))
            .Replace("{subject(f.owner_id)}", MetricSql.Subject("f.owner_id"))
            .Replace("{subject}", MetricSql.Subject("o.owner_id"));
        var parameters = MetricSql.Parameters(scope, Now);
        parameters.AddDynamicParams(new { Figure = figure });
        parameters.AddDynamicParams(extraParameters);
        var rows = await connection.QueryAsync<OracleExplainRow>(new CommandDefinition(text, parameters, cancellationToken: Cancellation));
        return [.. rows.Select(r => Comparable(r.ToRecord()))];
    }

    /// <summary>Ids for an <c>IN @Ids</c> list: Dapper expands a list without the type handlers, so they go as the text both databases compare them with.</summary>
    private static List<string> Texts(IEnumerable<Guid> ids) => [.. ids.Select(id => id.ToString())];

    private static string Comparable(MetricRecord r) =>
        $"{r.Kind} {r.Id} {r.At.ToUnixTimeMilliseconds()} {r.OwnerId} {r.Label} {r.Amount} {r.Value:R} {r.OpportunityId}";

    /// <summary>
    /// Rows tied on their instant, so a page boundary falls inside a tie: groups of five deals share their creation (the
    /// earliest of the five) and their close (the latest, never before the close move), five leads their creation, five
    /// moves into an open stage their instant (a close keeps its own, the deal's close).
    /// </summary>
    private static async Task TieInstantsAsync(System.Data.Common.DbConnection connection)
    {
        await TieAsync(connection, "SELECT id, created_at FROM opportunities ORDER BY created_at, id", "opportunities", "created_at", 3, 0, last: false);
        await TieAsync(
            connection, "SELECT id, closed_at FROM opportunities WHERE closed_at IS NOT NULL ORDER BY closed_at, id", "opportunities", "closed_at", 3, 1, last: true);
        await TieAsync(connection, "SELECT id, created_at FROM leads ORDER BY created_at, id", "leads", "created_at", 3, 2, last: false);
        await TieAsync(
            connection,
            "SELECT m.id, m.occurred_at FROM stage_moves m JOIN stages st ON st.id = m.to_stage_id WHERE m.from_stage_id IS NOT NULL AND st.kind = 'open' ORDER BY m.occurred_at, m.id",
            "stage_moves", "occurred_at", 4, 0, last: true);
    }

    /// <summary>
    /// Of the rows <paramref name="select"/> lists (id, instant) in instant order, cut into groups of five, every
    /// <paramref name="every"/>th group from <paramref name="offset"/> gets one instant in <paramref name="column"/>: its first
    /// row's, or its <paramref name="last"/> row's.
    /// </summary>
    private static async Task TieAsync(
        System.Data.Common.DbConnection connection, string select, string table, string column, int every, int offset, bool last)
    {
        var rows = (await connection.QueryAsync<(Guid Id, DateTimeOffset At)>(select)).ToList();
        foreach (var group in rows.Chunk(5).Where((_, i) => i % every == offset))
        {
            await connection.ExecuteAsync(
                $"UPDATE {table} SET {column} = @At WHERE id IN @Ids", new { (last ? group[^1] : group[0]).At, Ids = Texts(group.Select(g => g.Id)) });
        }
    }
}

public sealed class SqliteExplainDealsPagingTests(SqliteDatabase database)
    : ExplainDealsPagingTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerExplainDealsPagingTests(SqlServerDatabase database)
    : ExplainDealsPagingTests(database), IClassFixture<SqlServerDatabase>;
