using SalesCrm.Application.Forecasts;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.Forecasts;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Metrics;

namespace SalesCrm.Infrastructure.Forecasts;

/// <summary>
/// The deals forecasts read: won ones by close time (index ix_opportunities_won_deals; their totals over whole days from
/// the day rollup opportunity_days), open ones by expected close date (ix_opportunities_expected_close and its per-owner
/// twin, covering since migration 0034), and the forecast category writes. The report reads totals (organisation and
/// member statements: an owner list lets SQLite seek an owner-first index), the explain reads the deals.
/// </summary>
public sealed class ForecastStore(IDbConnectionFactory connections) : SqlStore(connections), IForecastStore
{
    /// <summary>The deals of the subject and pipeline, soft-deleted ones never.</summary>
    private static readonly string Deals = MetricSql.LiveDeals(MetricSql.Subject("o.owner_id"));

    /// <summary>Whole days from creation to close, 0 when closed before created (the only dialect-specific part: a duration).</summary>
    private const string SqliteCycleDays = "CASE WHEN o.closed_at > o.created_at THEN (o.closed_at - o.created_at) / 86400000 ELSE 0 END";

    private const string SqlServerCycleDays = "CASE WHEN o.closed_at > o.created_at THEN DATEDIFF_BIG(millisecond, o.created_at, o.closed_at) / 86400000 ELSE 0 END";

    public static readonly Sql WonDeals = new($"""
        SELECT o.id AS Id, o.owner_id AS OwnerId, o.name AS Name, o.amount AS Amount, o.created_at AS CreatedAt, o.closed_at AS ClosedAt
        FROM opportunities o
        WHERE o.outcome = 'won' AND o.closed_at >= @From AND o.closed_at < @To AND {Deals}
        """);

    public static readonly Sql OpenDeals = new($"""
        SELECT o.id AS Id, o.owner_id AS OwnerId, o.name AS Name, o.amount AS Amount, o.created_at AS CreatedAt,
               s.id AS StageId, s.name AS StageName, s.probability AS Probability, o.forecast_category AS Category
        FROM opportunities o
        JOIN stages s ON s.id = o.stage_id
        WHERE o.outcome IS NULL AND s.kind = 'open' AND o.expected_close_date >= @FromDay AND o.expected_close_date < @ToDay AND {Deals}
        """);

    /// <summary>
    /// A page of <see cref="WonDeals"/> from the cursor on, in the order the explain pages in (close, then the id's text: SQLite
    /// stores it as text; SQL Server orders a uniqueidentifier otherwise, so it compares its text): the organisation's read in
    /// close order from ix_opportunities_won_deals, a rep's or team's from each member's range of ix_opportunities_owner_won.
    /// </summary>
    public static readonly SubjectSql WonDealsPage = SubjectSql.Owners("o.owner_id", owners => new(
        WonDealsPageText(owners, "o.id", "@AfterId"), WonDealsPageText(owners, "CONVERT(CHAR(36), o.id)", "CONVERT(CHAR(36), @AfterId)")));

    /// <summary>
    /// A page of <see cref="OpenDeals"/> from the cursor on, by creation then the id's text. The organisation's page of ids is
    /// walked in creation order on ix_opportunities_open_created (0046, covering), stopping at the page's end; SQLite compares
    /// the expected close date and stage with a unary plus so its planner does not read the period's range (or a stage's deals)
    /// and sort them instead. A rep's or team's come from each member's range of ix_opportunities_owner_expected_close. On SQL
    /// Server the ties are ordered by the id's text, which no index gives, so there a page sorts the rest of the period's open
    /// deals (and the won pages theirs); measured on SQLite only.
    /// </summary>
    public static readonly SubjectSql OpenDealsPage = new(
        new(OpenDealsPageText("+", "o.id", "po.id", "@AfterId"),
            OpenDealsPageText("", "CONVERT(CHAR(36), o.id)", "CONVERT(CHAR(36), po.id)", "CONVERT(CHAR(36), @AfterId)")),
        new(OpenMemberDealsPageText("o.id", "@AfterId"), OpenMemberDealsPageText("CONVERT(CHAR(36), o.id)", "CONVERT(CHAR(36), @AfterId)")));

    public static readonly Sql OpenWithoutCloseDate = new($"""
        SELECT COUNT(*) AS Count, COALESCE(SUM(o.amount), 0) AS Amount
        FROM opportunities o
        JOIN stages s ON s.id = o.stage_id
        WHERE o.outcome IS NULL AND s.kind = 'open' AND o.expected_close_date IS NULL AND {Deals}
        """);

    /// <summary>
    /// Won count and amount: whole local days [@FromDay, @ToDay) from the day rollup (organisation rows for the
    /// organisation), the parts of days [@HeadFrom, @HeadTo) and [@TailFrom, @TailTo) from the won deals' index: the
    /// organisation's window range read in order (no owner filter), a rep's or team's by an owner-first index per member.
    /// </summary>
    public static readonly SubjectSql WonTotal = SubjectSql.Owners("o.owner_id", owners => new($"""
        SELECT COALESCE(SUM(x.Count), 0) AS Count, COALESCE(SUM(x.Amount), 0) AS Amount
        FROM (SELECT SUM(d.won) AS Count, SUM(d.won_amount) AS Amount
              FROM opportunity_days d
              WHERE d.won > 0 AND d.day >= @FromDay AND d.day < @ToDay AND {MetricSql.RollupOwners("d.owner_id")} AND {MetricSql.Pipeline("d.pipeline_id")}
              UNION ALL
              SELECT COUNT(*) AS Count, SUM(o.amount) AS Amount
              FROM opportunities o
              WHERE o.outcome = 'won' AND o.closed_at >= @HeadFrom AND o.closed_at < @HeadTo AND {MetricSql.LiveDeals(owners)}
              UNION ALL
              SELECT COUNT(*) AS Count, SUM(o.amount) AS Amount
              FROM opportunities o
              WHERE o.outcome = 'won' AND o.closed_at >= @TailFrom AND o.closed_at < @TailTo AND {MetricSql.LiveDeals(owners)}) x
        """));

    /// <summary>
    /// The won deals per whole day of cycle (0 when closed before created): whole local days [@FromDay, @ToDay) from the
    /// day rollup won_cycle_days (migration 0034, organisation rows for the organisation), the parts of days
    /// [@HeadFrom, @HeadTo) and [@TailFrom, @TailTo) from the won deals' index: the organisation's window range read in
    /// order (no owner filter), a rep's or team's by an owner-first index per member.
    /// </summary>
    public static readonly SubjectSql CycleDays = SubjectSql.Owners(
        "o.owner_id",
        owners => new(CycleDaysText(MetricSql.LiveDeals(owners), SqliteCycleDays), CycleDaysText(MetricSql.LiveDeals(owners), SqlServerCycleDays)));

    /// <summary>
    /// Creation and close of the won deals of [@From, @To) that can hold the middle cycle. The organisation's: those whose
    /// whole days of cycle are @Low or @High (the day(s) holding the middle), SQLite seeking ix_opportunities_won_cycle
    /// (migration 0034) by those days, then the close. A rep's or team's: every one, by the owner-first index
    /// ix_opportunities_owner_won; the store keeps those in the middle day(s). Seeking the cycle-days index instead reads
    /// every owner's deals of those days and keeps the members': ~100 times the rows for one rep of 500.
    /// </summary>
    public static readonly SubjectSql Cycles = new(
        new(CyclesText(SqliteCycleDays), CyclesText(SqlServerCycleDays)),
        new($"""
            SELECT o.created_at AS CreatedAt, o.closed_at AS ClosedAt
            FROM opportunities o
            WHERE o.outcome = 'won' AND o.closed_at >= @From AND o.closed_at < @To AND {MetricSql.LiveDeals(MetricSql.MemberOwners("o.owner_id"))}
            """));

    /// <summary>
    /// The open deals expected to close in [@FromDay, @ToDay) per stage and category, from the expected-close index alone
    /// (migration 0034): count, amount, and the amount of those created at or before @AgedBefore. The organisation's deals
    /// are read from the index in order (no owner filter), a rep's or team's from its per-owner twin, member by member.
    /// </summary>
    public static readonly SubjectSql OpenGroups = SubjectSql.Owners("o.owner_id", owners => new($"""
        SELECT x.StageId, s.name AS StageName, s.probability AS Probability, x.Category, x.Count, x.Amount, x.AgedAmount
        FROM (SELECT o.stage_id AS StageId, o.forecast_category AS Category, COUNT(*) AS Count, SUM(o.amount) AS Amount,
                     SUM(CASE WHEN o.created_at <= @AgedBefore THEN o.amount ELSE 0 END) AS AgedAmount
              FROM opportunities o
              WHERE o.outcome IS NULL AND o.expected_close_date >= @FromDay AND o.expected_close_date < @ToDay AND {MetricSql.LiveDeals(owners)}
              GROUP BY o.stage_id, o.forecast_category) x
        JOIN stages s ON s.id = x.StageId
        WHERE s.kind = 'open'
        """));

    /// <summary>
    /// Creation and amount of the open deals expected to close in [@FromDay, @ToDay) created after @AgedBefore (open stages
    /// as a list: joined, SQLite would read the index range once per open stage): the organisation's with no owner filter,
    /// a rep's or team's by each member's range of the per-owner index.
    /// </summary>
    public static readonly SubjectSql YoungOpenDeals = SubjectSql.Owners("o.owner_id", owners => new($"""
        SELECT o.created_at AS CreatedAt, o.amount AS Amount
        FROM opportunities o
        WHERE o.outcome IS NULL AND o.expected_close_date >= @FromDay AND o.expected_close_date < @ToDay AND o.created_at > @AgedBefore
          AND o.stage_id IN (SELECT s.id FROM stages s WHERE s.kind = 'open') AND {MetricSql.LiveDeals(owners)}
        """));

    public static readonly Sql SetCategory = new("""
        UPDATE opportunities SET forecast_category = @Category, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND deleted_at IS NULL
        """);

    public async Task<IReadOnlyList<WonForecastDeal>> WonDealsAsync(
        MetricSubject subject, Guid? pipelineId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        (await QueryAsync<WonRow>(WonDeals, Parameters(subject, pipelineId, new { From = from, To = to }), cancellationToken))
            .Select(r => r.ToDeal())
            .ToList();

    public async Task<IReadOnlyList<WonForecastDeal>> WonDealsPageAsync(
        MetricSubject subject, Guid? pipelineId, DateTimeOffset from, DateTimeOffset to, ExplainPosition? after, int limit, CancellationToken cancellationToken) =>
        (await QueryAsync<WonRow>(
            WonDealsPage.For(subject),
            Parameters(subject, pipelineId, new { From = from, To = to, AfterAt = after?.At, AfterId = after?.Id, Limit = limit }), cancellationToken))
            .Select(r => r.ToDeal())
            .ToList();

    public async Task<IReadOnlyList<OpenForecastDeal>> OpenDealsPageAsync(
        MetricSubject subject, Guid? pipelineId, DateOnly from, DateOnly to, ExplainPosition? after, int limit, CancellationToken cancellationToken) =>
        (await QueryAsync<OpenRow>(
            OpenDealsPage.For(subject),
            Parameters(subject, pipelineId, new { FromDay = from, ToDay = to, AfterAt = after?.At, AfterId = after?.Id, Limit = limit }), cancellationToken))
            .Select(r => r.ToDeal())
            .ToList();

    public async Task<DealTotal> WonTotalAsync(
        MetricSubject subject, Guid? pipelineId, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var row = (await QueryAsync<TotalRow>(WonTotal.For(subject), Parameters(subject, pipelineId, DayEdges.Of(from, to, zone)), cancellationToken))[0];
        return new DealTotal(row.Count, row.Amount);
    }

    public async Task<IReadOnlyList<CycleDayCount>> CycleDaysAsync(
        MetricSubject subject, Guid? pipelineId, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        (await QueryAsync<CycleDayRow>(
            CycleDays.For(subject), Parameters(subject, pipelineId, DayEdges.Of(from, to, zone)), cancellationToken))
            .Select(r => new CycleDayCount(r.Days, r.Deals))
            .ToList();

    public async Task<IReadOnlyList<double>> CyclesAsync(
        MetricSubject subject, Guid? pipelineId, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<long> days, CancellationToken cancellationToken) =>
        (await QueryAsync<CycleRow>(
            Cycles.For(subject),
            Parameters(subject, pipelineId, new { From = from, To = to, Low = days[0], High = days[^1] }), cancellationToken))
            .Where(r => days.Contains(WholeCycleDays(r.CreatedAt, r.ClosedAt)))
            .Select(r => ForecastMath.CycleDays(r.CreatedAt, r.ClosedAt))
            .ToList();

    /// <summary>The whole days of <see cref="SqliteCycleDays"/> (what the rollup and the index key on), here for member reads.</summary>
    private static long WholeCycleDays(DateTimeOffset createdAt, DateTimeOffset closedAt) =>
        closedAt > createdAt ? (long)(closedAt - createdAt).TotalMilliseconds / 86_400_000 : 0;

    public async Task<IReadOnlyList<OpenDealGroup>> OpenGroupsAsync(
        MetricSubject subject, Guid? pipelineId, DateOnly from, DateOnly to, DateTimeOffset agedBefore, CancellationToken cancellationToken) =>
        (await QueryAsync<OpenGroupRow>(
            OpenGroups.For(subject),
            Parameters(subject, pipelineId, new { FromDay = from, ToDay = to, AgedBefore = agedBefore }), cancellationToken))
            .Select(r => new OpenDealGroup(
                r.StageId, r.StageName, r.Probability, EnumNames.Parse<ForecastCategory>(r.Category), r.Count, r.Amount, r.AgedAmount))
            .ToList();

    public async Task<IReadOnlyList<YoungOpenDeal>> YoungOpenDealsAsync(
        MetricSubject subject, Guid? pipelineId, DateOnly from, DateOnly to, DateTimeOffset agedBefore, CancellationToken cancellationToken) =>
        (await QueryAsync<YoungRow>(
            YoungOpenDeals.For(subject),
            Parameters(subject, pipelineId, new { FromDay = from, ToDay = to, AgedBefore = agedBefore }), cancellationToken))
            .Select(r => new YoungOpenDeal(r.CreatedAt, r.Amount))
            .ToList();

    public async Task<IReadOnlyList<OpenForecastDeal>> OpenDealsAsync(
        MetricSubject subject, Guid? pipelineId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await QueryAsync<OpenRow>(OpenDeals, Parameters(subject, pipelineId, new { FromDay = from, ToDay = to }), cancellationToken))
            .Select(r => r.ToDeal())
            .ToList();

    public async Task<DealTotal> OpenWithoutCloseDateAsync(MetricSubject subject, Guid? pipelineId, CancellationToken cancellationToken)
    {
        var row = (await QueryAsync<TotalRow>(OpenWithoutCloseDate, Parameters(subject, pipelineId, null), cancellationToken))[0];
        return new DealTotal(row.Count, row.Amount);
    }

    public async Task<bool> SetCategoryAsync(Guid opportunityId, ForecastCategory category, int expectedVersion, CancellationToken cancellationToken) =>
        await ExecuteAsync(SetCategory, new { Id = opportunityId, Category = category.ToName(), ExpectedVersion = expectedVersion }, cancellationToken) == 1;

    private static Dapper.DynamicParameters Parameters(MetricSubject subject, Guid? pipelineId, object? extra)
    {
        var parameters = new Dapper.DynamicParameters(
            new { SubjectUserId = subject.UserId, SubjectTeamId = subject.TeamId, PipelineId = pipelineId, OrganisationOwner = Guid.Empty });
        parameters.AddDynamicParams(extra);
        return parameters;
    }

    /// <summary>
    /// The won deals closed in [@From, @To) after the cursor (<paramref name="id"/>: the id as the page orders it), seeking the
    /// later of the window's start and the cursor's instant (a cursor may come from an open deal's creation, before the window).
    /// </summary>
    private static string WonDealsPageText(string? owners, string id, string afterId) => $"""
        SELECT o.id AS Id, o.owner_id AS OwnerId, o.name AS Name, o.amount AS Amount, o.created_at AS CreatedAt, o.closed_at AS ClosedAt
        FROM opportunities o
        WHERE o.outcome = 'won' AND o.closed_at >= @From AND o.closed_at < @To AND {MetricSql.LiveDeals(owners)}
          AND o.closed_at >= CASE WHEN @AfterAt > @From THEN @AfterAt ELSE @From END
          AND {Keyset.Ascending("o.closed_at", id, afterId: afterId)}
        ORDER BY o.closed_at, {id}
        {"{limit}"}
        """;

    /// <summary>
    /// The organisation's open deals expected to close in [@FromDay, @ToDay) created after the cursor: the page's ids first (every
    /// condition of <see cref="OpenDeals"/> on the index's columns, <paramref name="plus"/> keeping SQLite off the other indexes),
    /// then their rows.
    /// </summary>
    private static string OpenDealsPageText(string plus, string id, string pageId, string afterId) => $"""
        SELECT o.id AS Id, o.owner_id AS OwnerId, o.name AS Name, o.amount AS Amount, o.created_at AS CreatedAt,
               s.id AS StageId, s.name AS StageName, s.probability AS Probability, o.forecast_category AS Category
        FROM (SELECT po.id, po.created_at
              FROM opportunities po
              WHERE po.outcome IS NULL AND po.deleted_at IS NULL
                AND {plus}po.expected_close_date >= @FromDay AND {plus}po.expected_close_date < @ToDay
                AND {plus}po.stage_id IN (SELECT st.id FROM stages st WHERE st.kind = 'open') AND {MetricSql.Pipeline("po.pipeline_id")}
                AND {Keyset.Ascending("po.created_at", pageId, afterId: afterId)}
              ORDER BY po.created_at, {pageId}
              {"{limit}"}) p
        JOIN opportunities o ON o.id = p.id
        JOIN stages s ON s.id = o.stage_id
        ORDER BY o.created_at, {id}
        """;

    /// <summary>A rep's or team's open deals expected to close in [@FromDay, @ToDay) created after the cursor (<paramref name="id"/>: the id as the page orders it).</summary>
    private static string OpenMemberDealsPageText(string id, string afterId) => $"""
        SELECT o.id AS Id, o.owner_id AS OwnerId, o.name AS Name, o.amount AS Amount, o.created_at AS CreatedAt,
               s.id AS StageId, s.name AS StageName, s.probability AS Probability, o.forecast_category AS Category
        FROM opportunities o
        JOIN stages s ON s.id = o.stage_id
        WHERE o.outcome IS NULL AND s.kind = 'open' AND o.expected_close_date >= @FromDay AND o.expected_close_date < @ToDay
          AND {MetricSql.LiveDeals(MetricSql.MemberOwners("o.owner_id"))}
          AND {Keyset.Ascending("o.created_at", id, afterId: afterId)}
        ORDER BY o.created_at, {id}
        {"{limit}"}
        """;

    private static string CycleDaysText(string deals, string cycleDays) => $"""
        SELECT x.Days, SUM(x.Deals) AS Deals
        FROM (SELECT w.cycle_days AS Days, SUM(w.won) AS Deals
              FROM won_cycle_days w
              WHERE w.day >= @FromDay AND w.day < @ToDay AND {MetricSql.RollupOwners("w.owner_id")} AND {MetricSql.Pipeline("w.pipeline_id")}
              GROUP BY w.cycle_days
              UNION ALL
              SELECT {cycleDays} AS Days, 1 AS Deals
              FROM opportunities o
              WHERE o.outcome = 'won' AND o.closed_at >= @HeadFrom AND o.closed_at < @HeadTo AND {deals}
              UNION ALL
              SELECT {cycleDays} AS Days, 1 AS Deals
              FROM opportunities o
              WHERE o.outcome = 'won' AND o.closed_at >= @TailFrom AND o.closed_at < @TailTo AND {deals}) x
        GROUP BY x.Days
        """;

    /// <summary>The organisation's form of <see cref="Cycles"/> in a dialect.</summary>
    private static string CyclesText(string cycleDays) => $"""
        SELECT x.CreatedAt, x.ClosedAt
        FROM (SELECT o.created_at AS CreatedAt, o.closed_at AS ClosedAt, {cycleDays} AS Days
              FROM opportunities o
              WHERE o.outcome = 'won' AND o.closed_at >= @From AND o.closed_at < @To AND {MetricSql.LiveDeals(null)}) x
        WHERE x.Days IN (@Low, @High)
        """;

    /// <summary>
    /// An instant window [from, to) cut into the whole local days of the zone it holds [FromDay, ToDay) (read from a day
    /// rollup) and the parts of days before and after them, [HeadFrom, HeadTo) and [TailFrom, TailTo) (read from records).
    /// </summary>
    private sealed record DayEdges(DateOnly FromDay, DateOnly ToDay, DateTimeOffset HeadFrom, DateTimeOffset HeadTo, DateTimeOffset TailFrom, DateTimeOffset TailTo)
    {
        public static DayEdges Of(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
        {
            var firstDay = MetricWindow.DateOf(from, zone);
            if (MetricWindow.StartOfDay(firstDay, zone) < from)
            {
                firstDay = firstDay.AddDays(1);
            }

            var lastDay = MetricWindow.DateOf(to, zone);
            return firstDay < lastDay
                ? new DayEdges(firstDay, lastDay, from, MetricWindow.StartOfDay(firstDay, zone), MetricWindow.StartOfDay(lastDay, zone), to)
                : new DayEdges(firstDay, firstDay, from, to, to, to);
        }
    }

    private sealed class CycleDayRow
    {
        public long Days { get; init; }

        public long Deals { get; init; }
    }

    private sealed class CycleRow
    {
        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset ClosedAt { get; init; }
    }

    private sealed class OpenGroupRow
    {
        public Guid StageId { get; init; }

        public string StageName { get; init; } = "";

        public int Probability { get; init; }

        public string Category { get; init; } = "";

        public long Count { get; init; }

        public decimal Amount { get; init; }

        public decimal AgedAmount { get; init; }
    }

    private sealed class YoungRow
    {
        public DateTimeOffset CreatedAt { get; init; }

        public decimal Amount { get; init; }
    }

    private sealed class WonRow
    {
        public Guid Id { get; init; }

        public Guid OwnerId { get; init; }

        public string Name { get; init; } = "";

        public decimal Amount { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset ClosedAt { get; init; }

        public WonForecastDeal ToDeal() => new(Id, OwnerId, Name, Amount, CreatedAt, ClosedAt);
    }

    private sealed class OpenRow
    {
        public Guid Id { get; init; }

        public Guid OwnerId { get; init; }

        public string Name { get; init; } = "";

        public decimal Amount { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public Guid StageId { get; init; }

        public string StageName { get; init; } = "";

        public int Probability { get; init; }

        public string Category { get; init; } = "";

        public OpenForecastDeal ToDeal() =>
            new(Id, OwnerId, Name, Amount, CreatedAt, StageId, StageName, Probability, EnumNames.Parse<ForecastCategory>(Category));
    }

    private sealed class TotalRow
    {
        public long Count { get; init; }

        public decimal Amount { get; init; }
    }
}
