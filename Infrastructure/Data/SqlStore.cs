using Dapper;

namespace SalesCrm.Infrastructure.Data;

/// <summary>
/// The one way stores talk to the database: a connection per operation, the statement in the configured
/// dialect, parameters bound, the cancellation token passed on.
/// </summary>
public abstract class SqlStore(IDbConnectionFactory connections)
{
    protected IDbConnectionFactory Connections { get; } = connections;

    protected CommandDefinition Command(Sql sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql.For(Connections.Dialect), parameters, cancellationToken: cancellationToken);

    protected async Task<IReadOnlyList<T>> QueryAsync<T>(Sql sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await Connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<T>(Command(sql, parameters, cancellationToken))).AsList();
    }

    protected async Task<T?> QuerySingleOrDefaultAsync<T>(Sql sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await Connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));
    }

    protected async Task<T> ScalarAsync<T>(Sql sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await Connections.OpenAsync(cancellationToken);
        return (await connection.ExecuteScalarAsync<T>(Command(sql, parameters, cancellationToken)))!;
    }

    protected async Task<int> ExecuteAsync(Sql sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await Connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(Command(sql, parameters, cancellationToken));
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction, committed only if it returns without throwing.</summary>
    protected async Task<T> WriteAsync<T>(Func<WriteScope, Task<T>> work, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await Connections.BeginWriteAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var result = await work(new WriteScope(connection, transaction, Connections.Dialect, cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
    }

    /// <summary>Runs a write and turns a unique-key violation into a 409 naming the field that clashed.</summary>
    protected Task<int> ExecuteUniqueAsync(
        Sql sql, object parameters, string field, string message, CancellationToken cancellationToken) =>
        UniqueAsync(() => ExecuteAsync(sql, parameters, cancellationToken), field, message);

    /// <summary>Runs an insert that may clash with a unique key (an externalId raced by another writer); false when it did.</summary>
    protected async Task<bool> TryExecuteUniqueAsync(Sql sql, object parameters, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(sql, parameters, cancellationToken);
            return true;
        }
        catch (System.Data.Common.DbException ex) when (Connections.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    /// <summary>Runs any write and turns a unique-key violation into a 409 naming the field that clashed.</summary>
    protected async Task<T> UniqueAsync<T>(Func<Task<T>> write, string field, string message)
    {
        try
        {
            return await write();
        }
        catch (System.Data.Common.DbException ex) when (Connections.IsUniqueViolation(ex))
        {
            throw new Application.Common.Errors.ConflictException(message, field);
        }
    }
}
