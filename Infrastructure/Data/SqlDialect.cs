namespace SalesCrm.Infrastructure.Data;

/// <summary>The two SQL dialects SalesCrm speaks. Everything that differs between them is named here or in <see cref="Sql"/>.</summary>
public enum SqlDialect
{
    Sqlite,
    SqlServer,
}

/// <summary>
/// One SQL statement, portable except for a few named fragments (<c>{limit}</c> → <c>LIMIT @Limit</c> on SQLite,
/// <c>OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY</c> on SQL Server; <c>{skip take}</c>, the same with <c>@Skip</c> rows
/// skipped and <c>@Take</c> taken; <c>{materialized}</c>, a common table expression SQLite computes on its own; <c>{spans}</c>, a metric's window and buckets as a table), or given per dialect where
/// they truly differ.
/// Every instance is declared as a static field so a test can parse all SQL Server text with ScriptDom.
/// </summary>
public sealed class Sql
{
    private static readonly (string Token, string Sqlite, string SqlServer)[] Fragments =
    [
        ("{limit}", "LIMIT @Limit", "OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY"),
        ("{skip take}", "LIMIT @Take OFFSET @Skip", "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY"),
        // WITH x AS {materialized} (...): SQLite computes the common table expression once, into a table of its own, instead of
        // merging it into the query that reads it; SQL Server's optimiser decides by cost.
        ("{materialized}", "MATERIALIZED", ""),
        // The spans of a metric request (MetricSql.Parameters binds @Spans): idx, from_at/to_at (UTC), from_day/to_day (local dates).
        // On SQLite the ORDER BY keeps the spans a subquery of their own, read in idx order: as the outer loop its rows come
        // grouped by span, so GROUP BY idx needs no sort of every row read (a quarter of 16,700 records: 14 to 2.6 ms); as an
        // inner loop it is built once instead of extracting the JSON again for every outer row.
        ("{spans}",
            "(SELECT CAST(json_extract(sj.value, '$.i') AS INTEGER) AS idx, json_extract(sj.value, '$.fm') AS from_at, json_extract(sj.value, '$.tm') AS to_at, "
            + "json_extract(sj.value, '$.fd') AS from_day, json_extract(sj.value, '$.td') AS to_day FROM json_each(@Spans) sj ORDER BY 1)",
            "(SELECT idx, from_at, to_at, from_day, to_day FROM OPENJSON(@Spans) WITH (idx INT '$.i', from_at DATETIMEOFFSET(3) '$.f', "
            + "to_at DATETIMEOFFSET(3) '$.t', from_day DATE '$.fd', to_day DATE '$.td'))"),
    ];

    private readonly string _sqlite;
    private readonly string _sqlServer;

    public Sql(string portable)
        : this(portable, portable)
    {
    }

    public Sql(string sqlite, string sqlServer)
    {
        _sqlite = Render(sqlite, SqlDialect.Sqlite);
        _sqlServer = Render(sqlServer, SqlDialect.SqlServer);
    }

    public string For(SqlDialect dialect) => dialect == SqlDialect.Sqlite ? _sqlite : _sqlServer;

    private static string Render(string text, SqlDialect dialect) =>
        Fragments.Aggregate(text, (sql, f) => sql.Replace(f.Token, dialect == SqlDialect.Sqlite ? f.Sqlite : f.SqlServer, StringComparison.Ordinal));
}
