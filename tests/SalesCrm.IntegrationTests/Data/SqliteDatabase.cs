using Microsoft.Data.Sqlite;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.IntegrationTests.Data;

/// <summary>A fresh SQLite file in its own temporary folder, deleted when the test class is done.</summary>
public sealed class SqliteDatabase : TestDatabase
{
    private readonly string _directory =
        Path.Combine(Path.GetTempPath(), "salescrm-tests", Guid.NewGuid().ToString("N"));

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearPool(new SqliteConnection(SqliteConnectionFactory.DefaultConnectionString(_directory)));
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    protected override Task<(IDbConnectionFactory? Connections, string? Unavailable)> CreateAsync()
    {
        Directory.CreateDirectory(_directory);
        IDbConnectionFactory connections = new SqliteConnectionFactory(SqliteConnectionFactory.DefaultConnectionString(_directory));
        return Task.FromResult<(IDbConnectionFactory?, string?)>((connections, null));
    }
}
