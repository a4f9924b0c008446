using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Metrics;
using SalesCrm.Infrastructure.Metrics.Rollups;

namespace SalesCrm.IntegrationTests.Data;

/// <summary>
/// Start-up rebuilds a day rollup only when the version it was built at differs from its class's (or it was never built),
/// and every rollup when the zone changes. A row no trigger wrote stands for "built state": it survives a restart that
/// rebuilds nothing and disappears when its rollup is rebuilt. Other versions are passed the way a bumped class would.
/// </summary>
public abstract class RollupVersionTests(TestDatabase database) : DatabaseTests(database)
{
    private static readonly Guid Stranger = new("0195a1c2-0000-7000-8000-000000000021");

    [Fact]
    public async Task A_restart_rebuilds_only_the_rollups_whose_version_changed_and_a_zone_change_rebuilds_all()
    {
        await using var connection = await Connections.OpenAsync(Cancellation);
        var built = (await connection.QueryAsync<(string Name, long Version)>("SELECT name, version FROM metric_rollup_versions")).ToDictionary();
        Assert.Equal(DayRollups.All.ToDictionary(r => r.Name, r => (long)r.Version), built);

        await InsertStrangersAsync(connection);
        Migrate(DayRollups.All); // a restart after an unrelated migration: same versions
        Assert.Equal((1, 1), await StrangersAsync(connection));

        Migrate([.. DayRollups.All.Select(r => r.Name == ActivityDayRollup.Name ? r with { Version = r.Version + 1 } : r)]);
        Assert.Equal((0, 1), await StrangersAsync(connection));
        Assert.Equal(ActivityDayRollup.Version + 1, await connection.ExecuteScalarAsync<long>(
            "SELECT version FROM metric_rollup_versions WHERE name = @Name", new { Name = ActivityDayRollup.Name }));

        // Back to the class's version: it differs from the one recorded, so activity_days is built again (and only it).
        await InsertStrangersAsync(connection, followUps: false);
        Migrate(DayRollups.All);
        Assert.Equal((0, 1), await StrangersAsync(connection));

        // A zone change rebuilds every rollup, whatever the versions say.
        await InsertStrangersAsync(connection, followUps: false);
        var zone = await connection.ExecuteScalarAsync<string>("SELECT time_zone FROM metric_calendar_zone");
        IReadOnlyList<string> rebuilt;
        var (zoneConnection, transaction) = await Connections.BeginWriteAsync(Cancellation);
        await using (zoneConnection)
        await using (transaction)
        {
            rebuilt = await MetricCalendar.EnsureAsync(
                new WriteScope(zoneConnection, transaction, Connections.Dialect, Cancellation), zone == "Pacific/Auckland" ? "Europe/Paris" : "Pacific/Auckland");
            await transaction.CommitAsync(Cancellation);
        }

        Assert.Equal(DayRollups.All.Select(r => r.Name), rebuilt);
        Assert.Equal((0, 0), await StrangersAsync(connection));

        // The next start-up puts the organisation's zone back: every rollup again.
        await InsertStrangersAsync(connection);
        Migrate(DayRollups.All);
        Assert.Equal((0, 0), await StrangersAsync(connection));
        Assert.Equal(zone, await connection.ExecuteScalarAsync<string>("SELECT time_zone FROM metric_calendar_zone"));
    }

    private void Migrate(IReadOnlyList<DayRollup> rollups) =>
        new DatabaseMigrator(Connections, NullLogger<DatabaseMigrator>.Instance, rollups).Migrate();

    private async Task InsertStrangersAsync(System.Data.Common.DbConnection connection, bool followUps = true)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO activity_days (day, owner_id, notes) VALUES ('2020-01-06', @Stranger, 5)", new { Stranger }, cancellationToken: Cancellation));
        if (followUps)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO follow_up_days (day, owner_id, due) VALUES ('2020-01-06', @Stranger, 5)", new { Stranger }, cancellationToken: Cancellation));
        }
    }

    /// <summary>The strangers' rows left in activity_days and follow_up_days.</summary>
    private async Task<(long Activities, long FollowUps)> StrangersAsync(System.Data.Common.DbConnection connection) => (
        await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM activity_days WHERE owner_id = @Stranger", new { Stranger }, cancellationToken: Cancellation)),
        await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM follow_up_days WHERE owner_id = @Stranger", new { Stranger }, cancellationToken: Cancellation)));
}

public sealed class SqliteRollupVersionTests(SqliteDatabase database)
    : RollupVersionTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerRollupVersionTests(SqlServerDatabase database)
    : RollupVersionTests(database), IClassFixture<SqlServerDatabase>;
