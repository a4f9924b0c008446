using SalesCrm.Infrastructure.Data;

namespace SalesCrm.IntegrationTests.Data;

/// <summary>
/// One migrated database owned by one test class. Subclasses pick the engine; when the engine cannot run here,
/// <see cref="Unavailable"/> says why and every test of the class is skipped with that reason.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    private IDbConnectionFactory? _connections;

    // Dapper's handlers are process-wide; a static constructor registers them exactly once before any fixture runs.
    static TestDatabase() => TypeHandlers.Register();

    public IDbConnectionFactory Connections =>
        _connections ?? throw new InvalidOperationException($"The database is not available: {Unavailable}");

    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var (connections, unavailable) = await CreateAsync();
        if (connections is null)
        {
            Unavailable = unavailable;
            return;
        }

        Migrate(connections);
        _connections = connections;
    }

    public abstract ValueTask DisposeAsync();

    public static void Migrate(IDbConnectionFactory connections) =>
        new DatabaseMigrator(connections, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance).Migrate();

    /// <summary>Creates an empty database, or returns why this engine cannot run here.</summary>
    protected abstract Task<(IDbConnectionFactory? Connections, string? Unavailable)> CreateAsync();
}
