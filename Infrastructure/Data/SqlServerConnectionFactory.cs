using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace SalesCrm.Infrastructure.Data;

public sealed class SqlServerConnectionFactory(string connectionString) : IDbConnectionFactory
{
    private static readonly int[] UniqueViolationNumbers = [2601, 2627];

    public SqlDialect Dialect => SqlDialect.SqlServer;

    public string ConnectionString { get; } = connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async Task<(DbConnection Connection, DbTransaction Transaction)> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        return (connection, await connection.BeginTransactionAsync(cancellationToken));
    }

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqlException sql && UniqueViolationNumbers.Contains(sql.Number);
}
