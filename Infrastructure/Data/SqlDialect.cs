namespace SalesCrm.Infrastructure.Data;

/// <summary>The two SQL dialects SalesCrm speaks. Everything that differs between them is named here or in <see cref="Sql"/>.</summary>
public enum SqlDialect
{
    Sqlite,
    SqlServer,
}

/// <summary>
/// One SQL statement, portable except for a few named fragments (<c>{limit}</c> → <c>LIMIT @Limit</c> on SQLite,
/// <c>OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY</c> on SQL Server), or given per dialect where they truly differ.
/// Every instance is declared as a static field so a test can parse all SQL Server text with ScriptDom.
/// </summary>
public sealed class Sql
{
    private static readonly (string Token, string Sqlite, string SqlServer)[] Fragments =
    [
        ("{limit}", "LIMIT @Limit", "OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY"),
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
