using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SalesCrm.Infrastructure.Data;

public sealed class SqliteConnectionFactory(string connectionString) : IDbConnectionFactory
{
    private const int SqliteConstraint = 19;

    public SqlDialect Dialect => SqlDialect.Sqlite;

    public string ConnectionString { get; } = connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async Task<(DbConnection Connection, DbTransaction Transaction)> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)await OpenAsync(cancellationToken);
        return (connection, connection.BeginTransaction(deferred: false));
    }

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
        && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal);

    /// <summary>The default file database: WAL journal so readers never block the writer, foreign keys enforced.</summary>
    public static string DefaultConnectionString(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, "salescrm.db"),
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();
}
