namespace SalesCrm.Infrastructure.Data;

/// <summary>Which database to use: the embedded SQLite file by default, SQL Server when configured.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>SqlServer</c>.</summary>
    public SqlDialect Provider { get; set; } = SqlDialect.Sqlite;

    /// <summary>Required for SQL Server; for SQLite, defaults to <c>salescrm.db</c> in the data directory.</summary>
    public string? ConnectionString { get; set; }
}

/// <summary>Where the embedded database, generated signing key and other local state live.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string DataDirectory { get; set; } = "data";
}
