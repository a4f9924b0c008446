using Dapper;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.IntegrationTests.Data;

public abstract class MigrationTests(TestDatabase database) : DatabaseTests(database)
{
    private static readonly Sql AppliedScripts = new("SELECT COUNT(*) FROM SchemaVersions");

    private static readonly Sql OrganisationRows = new("SELECT COUNT(*) FROM organisation");

    [Fact]
    public async Task Migrating_again_applies_nothing_twice()
    {
        TestDatabase.Migrate(Connections);
        TestDatabase.Migrate(Connections);

        var scripts = typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Count(name => name.StartsWith(DatabaseMigrator.ScriptPrefix(Connections.Dialect), StringComparison.Ordinal));
        await using var connection = await Connections.OpenAsync(Cancellation);
        Assert.True(scripts > 0, "No migration script is embedded for " + Connections.Dialect);
        Assert.Equal(scripts, await connection.ExecuteScalarAsync<int>(AppliedScripts.For(Connections.Dialect)));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(OrganisationRows.For(Connections.Dialect)));
    }

    [Theory]
    [InlineData("organisation")]
    [InlineData("teams")]
    [InlineData("users")]
    [InlineData("refresh_tokens")]
    [InlineData("integration_clients")]
    [InlineData("sign_in_failures")]
    public async Task Migrations_create_every_table(string table)
    {
        await using var connection = await Connections.OpenAsync(Cancellation);

        var rows = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {table}");

        Assert.True(rows >= 0);
    }
}

public sealed class SqliteMigrationTests(SqliteDatabase database) : MigrationTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerMigrationTests(SqlServerDatabase database) : MigrationTests(database), IClassFixture<SqlServerDatabase>;
