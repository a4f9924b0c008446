using Microsoft.Data.SqlClient;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.IntegrationTests.Data;

/// <summary>A fresh database (created by the migrator) in the one SQL Server container the test run shares.</summary>
public sealed class SqlServerDatabase(SqlServerContainer server) : TestDatabase
{
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected override async Task<(IDbConnectionFactory? Connections, string? Unavailable)> CreateAsync()
    {
        var serverConnectionString = await server.StartAsync();
        if (serverConnectionString is null)
        {
            return (null, $"SQL Server tests need Docker: {server.Unavailable}");
        }

        var connectionString = new SqlConnectionStringBuilder(serverConnectionString)
        {
            InitialCatalog = "salescrm_" + Guid.NewGuid().ToString("N"),
        }.ConnectionString;
        return (new SqlServerConnectionFactory(connectionString), null);
    }
}
