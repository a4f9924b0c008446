using System.Reflection;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SalesCrm.Infrastructure.Data;

/// <summary>
/// Applies the numbered scripts of the configured dialect at start-up (DbUp keeps the journal), then builds the metric
/// calendar and the day rollups that need it (see <see cref="Metrics.Rollups.DayRollups"/>): <paramref name="rollups"/>
/// is <see cref="Metrics.Rollups.DayRollups.All"/> unless given (a test can pass other versions).
/// </summary>
public sealed class DatabaseMigrator(
    IDbConnectionFactory connections, ILogger<DatabaseMigrator> logger, IReadOnlyList<Metrics.Rollups.DayRollup>? rollups = null)
{
    public static string ScriptPrefix(SqlDialect dialect) =>
        $"SalesCrm.Infrastructure.Data.Migrations.{dialect}.";

    public void Migrate()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var prefix = ScriptPrefix(connections.Dialect);
        UpgradeEngine engine;
        if (connections.Dialect == SqlDialect.Sqlite)
        {
            EnableWriteAheadLog();
            engine = DeployChanges.To.SqliteDatabase(connections.ConnectionString)
                .WithScriptsEmbeddedInAssembly(assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
                .WithTransactionPerScript()
                .LogTo(new DbUpLog(logger))
                .Build();
        }
        else
        {
            EnsureDatabase.For.SqlDatabase(connections.ConnectionString);
            engine = DeployChanges.To.SqlDatabase(connections.ConnectionString)
                .WithScriptsEmbeddedInAssembly(assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
                .WithTransactionPerScript()
                .LogTo(new DbUpLog(logger))
                .Build();
        }

        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Database migration failed at {result.ErrorScript?.Name}.", result.Error);
        }

        var rebuilt = EnsureMetricCalendar();
        if ((result.Scripts.Any() || rebuilt.Count > 0) && connections.Dialect == SqlDialect.Sqlite)
        {
            RefreshStatistics();
        }
    }

    /// <summary>
    /// SQLite plans from the statistics ANALYZE gathers; an index a migration added has none until then, and the planner may
    /// pass it over (or pick a worse one). A sampled ANALYZE (analysis_limit) takes seconds even on millions of rows.
    /// SQL Server keeps its statistics itself.
    /// </summary>
    private void RefreshStatistics()
    {
        using var connection = new SqliteConnection(connections.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA analysis_limit = 1000; ANALYZE;";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The day rollups need the organisation's calendar; built on first start and after a zone change made elsewhere. A
    /// rollup is rebuilt when its definition version differs from the one it was built at, so a migration that adds or
    /// changes one only creates its table and triggers (and its class bumps the version); other migrations rebuild nothing.
    /// </summary>
    private IReadOnlyList<string> EnsureMetricCalendar()
    {
        var (connection, transaction) = connections.BeginWriteAsync(CancellationToken.None).GetAwaiter().GetResult();
        using (connection)
        using (transaction)
        {
            var write = new WriteScope(connection, transaction, connections.Dialect, CancellationToken.None);
            var timeZone = write.ScalarAsync<string>(Metrics.MetricCalendar.OrganisationTimeZone, null).GetAwaiter().GetResult();
            var rebuilt = Metrics.MetricCalendar.EnsureAsync(write, timeZone, rollups).GetAwaiter().GetResult();
            transaction.Commit();
            if (rebuilt.Count > 0)
            {
                logger.LogInformation("Rebuilt the day rollups {Rollups}", string.Join(", ", rebuilt));
            }

            return rebuilt;
        }
    }

    private void EnableWriteAheadLog()
    {
        var builder = new SqliteConnectionStringBuilder(connections.ConnectionString);
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = new SqliteConnection(connections.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    private sealed class DbUpLog(ILogger logger) : DbUp.Engine.Output.IUpgradeLog
    {
        private static string Format(string format, object[] args) =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);

        public void LogTrace(string format, params object[] args) => logger.LogTrace("{DbUp}", Format(format, args));

        public void LogDebug(string format, params object[] args) => logger.LogDebug("{DbUp}", Format(format, args));

        public void LogInformation(string format, params object[] args) => logger.LogInformation("{DbUp}", Format(format, args));

        public void LogWarning(string format, params object[] args) => logger.LogWarning("{DbUp}", Format(format, args));

        public void LogError(string format, params object[] args) => logger.LogError("{DbUp}", Format(format, args));

        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, "{DbUp}", Format(format, args));
    }
}
