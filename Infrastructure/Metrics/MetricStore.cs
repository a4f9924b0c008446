using Dapper;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Common;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// A store of metric queries: figures grouped by span (<see cref="SpanQueryAsync{T}"/>) and explain pages.
/// An explain statement selects <c>Kind, Id, At, OwnerId, Label, Amount, Value, OpportunityId</c>, reads the same rows the
/// figure counted and returns a page of them in (At, Id) order from the cursor (<c>@AfterAt</c>, <c>@AfterId</c>) with
/// <c>{limit}</c>: most seek their records from the cursor (<see cref="ExplainSeek"/>, <see cref="ExplainRecords(string, string, string, string, string)"/>),
/// a few page a derived table <c>x</c> with <see cref="ExplainPageEnd"/>. <c>@Figure</c> is bound to the figure's wire name
/// (<c>connected_calls</c>).
/// </summary>
public abstract class MetricStore(IDbConnectionFactory connections) : SqlStore(connections)
{
    /// <summary>Keyset paging over the explain rows, oldest first.</summary>
    protected static readonly string ExplainPageEnd =
        $"WHERE {Keyset.Ascending("x.At", "x.Id")} ORDER BY x.At, x.Id {{limit}}";

    /// <summary>
    /// The window and the keyset of an explain page as a range on the records' own instant column <paramref name="at"/>
    /// (from the window's start, or the cursor's instant when later, to the window's end; past the cursor's id among records
    /// tied on its instant), for a statement that ends <c>ORDER BY at, id {limit}</c> (or pages a derived table of such rows with
    /// <see cref="ExplainPageEnd"/>, which then only re-checks the cursor): an index led
    /// by <paramref name="at"/> (after the owner, for a rep or team) is read from the cursor on and stops after the page,
    /// where <see cref="ExplainPageEnd"/> sorts every record of the window first.
    /// </summary>
    protected static string ExplainSeek(string at, string id) => $"""
        {at} >= CASE WHEN @AfterAt > @WindowFrom THEN @AfterAt ELSE @WindowFrom END AND {at} < @WindowTo
        AND {Keyset.Ascending(at, id)}
        """;

    /// <summary>
    /// An explain statement in both subject forms: the <paramref name="columns"/> of the records of <paramref name="table"/>
    /// (as <paramref name="alias"/>) that meet <paramref name="where"/>, a page by their instant <paramref name="at"/> and id
    /// (<see cref="ExplainSeek"/>). The organisation's page is read from an index led by the instant. A rep's or team's is
    /// merged from each member's own page, read from an owner-first index and cut after the page: SQLite has no LATERAL join,
    /// so a correlated <c>IN</c> with a limit stands for one (its aliases shadow the outer ones: the member's records inside,
    /// the page's outside). The owners as an <c>IN</c> list (<see cref="MetricSql.MemberOwners"/>) read and sort every
    /// member's records of the window instead: 8-15 ms for a team's quarter of activities on the large database, 100 ms for
    /// three years, against about 1 ms.
    /// </summary>
    protected static SubjectSql ExplainRecords(string columns, string table, string alias, string at, string where) =>
        ExplainRecords(columns, columns, table, alias, at, where);

    /// <summary>As above, with the selected columns written per dialect (SQLite's, then SQL Server's).</summary>
    protected static SubjectSql ExplainRecords(string sqliteColumns, string sqlServerColumns, string table, string alias, string at, string where) =>
        ExplainJoinedRecords(sqliteColumns, sqlServerColumns, table, alias, joins: "", at, where);

    /// <summary>
    /// As above, for records read with others: <paramref name="joins"/> join the tables the condition and the columns need
    /// (<c>CROSS JOIN</c>s with their conditions in <paramref name="where"/>, so SQLite keeps the records of
    /// <paramref name="table"/> in the outer loop; a <c>LEFT JOIN</c> on a unique key for a column only). A rep's or team's
    /// page repeats the joins and the condition for the page's rows, since the member's own page inside only names the ids:
    /// every join must be on a unique key, so an id joins again to the one row it was picked with.
    /// </summary>
    protected static SubjectSql ExplainJoinedRecords(
        string sqliteColumns, string sqlServerColumns, string table, string alias, string joins, string at, string where) =>
        ExplainPages(sqliteColumns, sqlServerColumns, table, alias, joins, at, where, split: null);

    /// <summary>
    /// As <see cref="ExplainRecords(string, string, string, string, string)"/>, each member's records read a page per value of
    /// <paramref name="column"/> (one of <paramref name="values"/>, which <paramref name="where"/> must also require): for an
    /// owner-first index that holds that column before the instant, so each value's records come in the instant's order.
    /// </summary>
    protected static SubjectSql ExplainRecordsByValue(string columns, string table, string alias, string at, string where, string column, params string[] values) =>
        ExplainPages(columns, columns, table, alias, joins: "", at, where, (column, values));

    private static SubjectSql ExplainPages(
        string sqliteColumns, string sqlServerColumns, string table, string alias, string joins, string at, string where,
        (string Column, string[] Values)? split)
    {
        var (splitValues, splitMatch) = split is { } s
            ? ($" CROSS JOIN ({string.Join(" UNION ALL ", s.Values.Select(v => $"SELECT '{v}' AS value"))}) sv", $" AND {s.Column} = sv.value")
            : ("", "");

        string Organisation(string columns) => $"""
            SELECT {columns}
            FROM {table} {alias} {joins}
            WHERE {where} AND {ExplainSeek(at, $"{alias}.id")}
            ORDER BY {at}, {alias}.id {"{limit}"}
            """;

        string Members(string columns) => $"""
            SELECT {columns}
            FROM users su{splitValues}
            JOIN {table} {alias} ON {alias}.id IN (
                SELECT {alias}.id FROM {table} {alias} {joins}
                WHERE {alias}.owner_id = su.id{splitMatch} AND {where} AND {ExplainSeek(at, $"{alias}.id")}
                ORDER BY {at}, {alias}.id {"{limit}"})
            {joins}
            WHERE (su.id = @SubjectUserId OR su.team_id = @SubjectTeamId){(joins.Length == 0 ? "" : $" AND {where}")}
            ORDER BY {at}, {alias}.id {"{limit}"}
            """;

        return new(
            new(Organisation(sqliteColumns), Organisation(sqlServerColumns)),
            new(Members(sqliteColumns), Members(sqlServerColumns)));
    }

    protected Task<IReadOnlyList<T>> SpanQueryAsync<T>(Sql sql, MetricScope scope, DateTimeOffset now, object? extra, CancellationToken cancellationToken)
    {
        var parameters = MetricSql.Parameters(scope, now);
        parameters.AddDynamicParams(extra);
        return QueryAsync<T>(sql, parameters, cancellationToken);
    }

    protected async Task<Page<MetricRecord>> ExplainAsync<TFigure>(
        Sql sql, ExplainRequest<TFigure> request, DateTimeOffset now, object? extra, CancellationToken cancellationToken)
        where TFigure : struct, Enum
    {
        var parameters = MetricSql.Parameters(request.Scope, now);
        parameters.AddDynamicParams(extra);
        parameters.AddDynamicParams(new { Figure = request.Figure.ToName(), AfterAt = request.After?.At, AfterId = request.After?.Id, Limit = request.Limit + 1 });
        var rows = await QueryAsync<ExplainRow>(sql, parameters, cancellationToken);
        var items = rows.Take(request.Limit).Select(r => r.ToRecord()).ToList();
        return new Page<MetricRecord>(items, rows.Count > request.Limit ? ExplainPaging.Encode(items[^1]) : null);
    }

    /// <summary>The explain rows <paramref name="sql"/> reads (its columns as <see cref="ExplainPageEnd"/>'s statements select them), for a store that builds a page from more than one read.</summary>
    protected async Task<IReadOnlyList<MetricRecord>> ExplainRowsAsync(Sql sql, object parameters, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<ExplainRow>(sql, parameters, cancellationToken)).Select(r => r.ToRecord())];

    private sealed class ExplainRow
    {
        public string Kind { get; init; } = "";

        public Guid Id { get; init; }

        public DateTimeOffset At { get; init; }

        public Guid OwnerId { get; init; }

        public string? Label { get; init; }

        public decimal? Amount { get; init; }

        public double? Value { get; init; }

        public Guid? OpportunityId { get; init; }

        public MetricRecord ToRecord() =>
            new(EnumNames.Parse<MetricRecordKind>(Kind), Id, At, OwnerId, Label, Amount, Value, OpportunityId);
    }
}
