using System.Data.Common;

namespace SalesCrm.Infrastructure.Data;

/// <summary>Opens a connection per operation (pooled by the driver) and knows the dialect it speaks.</summary>
public interface IDbConnectionFactory
{
    SqlDialect Dialect { get; }

    string ConnectionString { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Opens a connection with a write transaction started (on SQLite, <c>BEGIN IMMEDIATE</c>, so the write lock is taken up front).</summary>
    Task<(DbConnection Connection, DbTransaction Transaction)> BeginWriteAsync(CancellationToken cancellationToken);

    bool IsUniqueViolation(DbException exception);
}
