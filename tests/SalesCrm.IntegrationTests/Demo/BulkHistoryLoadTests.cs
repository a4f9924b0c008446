using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using SalesCrm.Infrastructure.Demo;
using SalesCrm.Infrastructure.Metrics.Rollups;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// The generator's bulk load (SQLite) writes the records with the triggers set aside and then rebuilds every rollup: right
/// only if the rebuild holds exactly what the triggers would have kept under the same inserts. Compared here table by table,
/// every row and column of the database, with the schema's triggers: a history written through the triggers against the
/// bulk load's rebuild from its bare records (every column a trigger writes on a record set back to its insert default,
/// every rollup table emptied), and a bulk-written history against the rebuild start-up runs (which must change nothing);
/// a load that fails changes nothing. The lead, selling-time, won-cycle, owner-month and follow-up discipline rollup tests
/// also check bulk-written histories against the records themselves.
/// </summary>
public sealed class BulkHistoryLoadTests(SqliteDatabase database) : GeneratedHistoryTests(database), IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task The_rebuild_from_bare_records_leaves_every_table_as_the_triggers_kept_it()
    {
        await using var connection = await GenerateAsync(Tiny with { Seed = 41 }, HistoryWrites.ThroughTriggers);
        var kept = await SnapshotAsync(connection);
        Assert.True(kept["activity_days"].Count > 100 && kept["stage_moves"].Count > 100, "the history wrote rollup rows and moves");
        var written = await TriggerWrittenColumnsAsync(connection);
        Assert.Contains("stage_moves.left_at", written);
        Assert.Contains("leads.first_activity_at", written);

        // Inside the load the triggers are gone: every column they write on a record goes back to its insert default and every
        // rollup table is emptied, as if the records had just been written bare.
        await BulkRollupLoad.RunAsync(
            connection,
            async transaction =>
            {
                foreach (var column in written)
                {
                    var (table, name) = (column.Split('.')[0], column.Split('.')[1]);
                    var bare = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                        "SELECT dflt_value FROM pragma_table_info(@Table) WHERE name = @Name", new { Table = table, Name = name }, transaction, cancellationToken: Cancellation));
                    await connection.ExecuteAsync(new CommandDefinition($"UPDATE \"{table}\" SET \"{name}\" = {bare ?? "NULL"}", transaction: transaction, cancellationToken: Cancellation));
                }

                foreach (var table in kept.Keys.Where(IsRollup))
                {
                    await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM \"{table}\"", transaction: transaction, cancellationToken: Cancellation));
                }

                return 0;
            },
            Cancellation);

        AssertSame(kept, await SnapshotAsync(connection));
    }

    [Fact]
    public async Task A_load_that_fails_changes_nothing_and_leaves_the_page_cache_as_it_was()
    {
        await using var connection = await GenerateAsync(Tiny with { Seed = 53 }, HistoryWrites.ThroughTriggers);
        var before = await SnapshotAsync(connection);
        var cache = await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA cache_size", cancellationToken: Cancellation));

        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkRollupLoad.RunAsync<int>(
            connection,
            async transaction =>
            {
                await connection.ExecuteAsync(new CommandDefinition("DELETE FROM activity_days", transaction: transaction, cancellationToken: Cancellation));
                throw new InvalidOperationException("the load failed half-way");
            },
            Cancellation));

        Assert.Equal(cache, await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA cache_size", cancellationToken: Cancellation)));
        AssertSame(before, await SnapshotAsync(connection));
    }

    /// <summary>"table.column" for every column a trigger's UPDATE sets on a record table (not a rollup), read from the schema.</summary>
    private static async Task<List<string>> TriggerWrittenColumnsAsync(DbConnection connection)
    {
        var definitions = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger'", cancellationToken: Cancellation));
        var columns = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match update in definitions.SelectMany(d => Regex.Matches(d, @"UPDATE\s+(\w+)\s+SET\s+(.*?)\s+(?:FROM|WHERE)\s", RegexOptions.Singleline)))
        {
            var table = update.Groups[1].Value;
            if (IsRollup(table))
            {
                continue;
            }

            foreach (Match assignment in Regex.Matches(update.Groups[2].Value, @"(?:^|,)\s*(\w+)\s*="))
            {
                columns.Add($"{table}.{assignment.Groups[1].Value}");
            }
        }

        return [.. columns];
    }

    private static bool IsRollup(string table) => RollupSuffixes.Any(suffix => table.EndsWith(suffix, StringComparison.Ordinal)) && table != "non_working_days";

    [Fact]
    public async Task A_bulk_written_history_equals_its_rebuild_through_the_triggers()
    {
        await using var connection = await GenerateAsync(Tiny with { Seed = 43 });
        var loaded = await SnapshotAsync(connection);
        Assert.True(loaded["sqlite_master"].Count(row => row.StartsWith("trigger|", StringComparison.Ordinal)) > 50, "the triggers are back");

        foreach (var statement in DayRollups.Rebuild)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement.For(Connections.Dialect), cancellationToken: Cancellation));
        }

        AssertSame(loaded, await SnapshotAsync(connection));
    }

    private static void AssertSame(Dictionary<string, List<string>> expected, Dictionary<string, List<string>> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (table, rows) in expected)
        {
            var missing = rows.Except(actual[table]).Take(3).ToList();
            var extra = actual[table].Except(rows).Take(3).ToList();
            Assert.True(
                rows.SequenceEqual(actual[table]),
                $"{table}: {rows.Count} rows before, {actual[table].Count} after; only before: {string.Join(" / ", missing)}; only after: {string.Join(" / ", extra)}");
        }
    }

    /// <summary>
    /// Every table's rows (each row its columns joined), sorted; and the schema (sqlite_master without its row order). A
    /// rollup row whose every count (every column outside its key) is zero is left out: triggers leave such rows where an
    /// upsert added nothing or a later write took it back, a rebuild writes none, and every reader sums them alike.
    /// </summary>
    private static async Task<Dictionary<string, List<string>>> SnapshotAsync(DbConnection connection)
    {
        var snapshot = new Dictionary<string, List<string>>
        {
            ["sqlite_master"] = await RowsAsync(connection, "SELECT type, name, tbl_name, sql FROM sqlite_master"),
        };
        var tables = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'", cancellationToken: Cancellation));
        foreach (var table in tables)
        {
            var counts = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT name FROM pragma_table_info(@Table) WHERE pk = 0 AND type = 'INTEGER'", new { Table = table }, cancellationToken: Cancellation))).AsList();
            var rollup = IsRollup(table) && counts.Count > 0;
            var notEmpty = rollup ? $" WHERE NOT ({string.Join(" AND ", counts.Select(c => $"\"{c}\" = 0"))})" : "";
            snapshot[table] = await RowsAsync(connection, $"SELECT * FROM \"{table}\"{notEmpty}");
        }

        return snapshot;
    }

    private static readonly string[] RollupSuffixes = ["_days", "_hours", "_months", "_totals"];

    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
    {
        var rows = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(Cancellation))
        {
            reader.GetValues(values);
            rows.Add(string.Join('|', values.Select(v => v is DBNull ? "null" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
