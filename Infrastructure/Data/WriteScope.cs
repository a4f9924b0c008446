using System.Data.Common;
using Dapper;

namespace SalesCrm.Infrastructure.Data;

/// <summary>Statements run inside one write transaction; committed by <see cref="SqlStore.WriteAsync{T}"/> only when the work returns.</summary>
public sealed class WriteScope(DbConnection connection, DbTransaction transaction, SqlDialect dialect, CancellationToken cancellationToken)
{
    public SqlDialect Dialect { get; } = dialect;

    public Task<T?> QuerySingleOrDefaultAsync<T>(Sql sql, object? parameters) =>
        connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    public async Task<IReadOnlyList<T>> QueryAsync<T>(Sql sql, object? parameters) =>
        (await connection.QueryAsync<T>(Command(sql, parameters))).AsList();

    public async Task<T> ScalarAsync<T>(Sql sql, object? parameters) =>
        (await connection.ExecuteScalarAsync<T>(Command(sql, parameters)))!;

    public Task<int> ExecuteAsync(Sql sql, object? parameters) =>
        connection.ExecuteAsync(Command(sql, parameters));

    /// <summary>A statement that may run long (a rebuild over every row of a table): no command timeout.</summary>
    public Task<int> ExecuteUnboundedAsync(Sql sql, object? parameters) =>
        connection.ExecuteAsync(new CommandDefinition(sql.For(Dialect), parameters, transaction, commandTimeout: 0, cancellationToken: cancellationToken));

    private CommandDefinition Command(Sql sql, object? parameters) =>
        new(sql.For(Dialect), parameters, transaction, cancellationToken: cancellationToken);
}
