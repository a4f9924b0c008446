using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// A bulk load into SQLite with the triggers set aside: the records are written bare, the triggers are put back, and every
/// rollup is rebuilt from the records (<see cref="MetricCalendar.RebuildAllAsync"/>: the statements start-up runs after a
/// version change, with the triggers in place, as the rebuild needs them: the organisation's rows and the months follow
/// the owners' day rows through triggers on the rollup tables), all in one transaction. Every trigger of the schema keeps
/// a rollup table or a column the rollups rebuild, so nothing a trigger would have written is missed (a test compares a
/// history written through the triggers with the rebuild from its bare records, table by table); a load that fails or is
/// killed rolls back with its transaction, triggers included. SQL Server loads through its triggers.
/// <para>
/// One transaction has a cost at the largest sizes: SQLite finds a page the open transaction already wrote by walking its
/// write-ahead log's index block by block, so a load of many gigabytes slows as it grows (the large profile wrote 1.26 GB
/// of database a minute at first and 0.2 GB after 12 GB). Committing 20,000-row chunks with the triggers' definitions
/// saved in a table for start-up to put back was tried: on the recent profile (2.2 M activities, side by side) it took
/// 592 s against this one transaction's 442 s, as every commit syncs and checkpoints and the rebuild is still one.
/// </para>
/// </summary>
public static class BulkRollupLoad
{
    private const string Triggers = "SELECT name AS Name, sql AS Definition FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid";

    /// <summary>
    /// The page cache while loading, in KiB (SQLite's default is 2 MiB): every index of a table written for 500 reps in turn
    /// has a page in use per rep, and a transaction's pages that leave the cache are written to the log and read back. 512 MiB
    /// wrote 60 days of the large profile in 81 s instead of 113. Set back when the load ends: the connection returns to the pool.
    /// </summary>
    private const int LoadCacheKib = 512 * 1024;

    /// <summary>
    /// Runs <paramref name="load"/> in a transaction of its own with no trigger in the schema, then puts the triggers back,
    /// rebuilds every rollup and commits. The page cache is raised before the transaction begins and set back after it ends,
    /// so a transaction SQLite rolled back on its own (a full disk) cannot stop the reset or hide the load's error.
    /// </summary>
    public static async Task<T> RunAsync<T>(DbConnection connection, Func<DbTransaction, Task<T>> load, CancellationToken cancellationToken)
    {
        if (connection is not SqliteConnection)
        {
            throw new NotSupportedException("Bulk loads set SQLite's triggers aside; SQL Server writes through its triggers.");
        }

        var cacheSize = await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA cache_size", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition($"PRAGMA cache_size = {-LoadCacheKib}", cancellationToken: cancellationToken));
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var triggers = (await connection.QueryAsync<TriggerDefinition>(new CommandDefinition(Triggers, transaction: transaction, cancellationToken: cancellationToken))).AsList();
            foreach (var trigger in triggers)
            {
                await ExecuteAsync($"DROP TRIGGER \"{trigger.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            }

            var loaded = await load(transaction);
            foreach (var trigger in triggers)
            {
                await ExecuteAsync(trigger.Definition);
            }

            await MetricCalendar.RebuildAllAsync(new WriteScope(connection, transaction, SqlDialect.Sqlite, cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return loaded;

            Task ExecuteAsync(string statement) =>
                connection.ExecuteAsync(new CommandDefinition(statement, transaction: transaction, cancellationToken: cancellationToken));
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition($"PRAGMA cache_size = {cacheSize}", cancellationToken: CancellationToken.None));
        }
    }

    private sealed class TriggerDefinition
    {
        public string Name { get; init; } = "";

        public string Definition { get; init; } = "";
    }
}
