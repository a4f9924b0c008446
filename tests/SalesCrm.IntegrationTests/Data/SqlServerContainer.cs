using DotNet.Testcontainers.Builders;
using Testcontainers.MsSql;

[assembly: AssemblyFixture(typeof(SalesCrm.IntegrationTests.Data.SqlServerContainer))]

namespace SalesCrm.IntegrationTests.Data;

/// <summary>
/// One SQL Server container for the whole run, started on first use. Finding Docker is given
/// <see cref="ProbeTimeout"/>; without it the reason is kept and SQL Server tests skip rather than pass.
/// </summary>
public sealed class SqlServerContainer : IAsyncDisposable
{
    /// <summary>The image Testcontainers.MsSql 4.16 defaults to, pinned so the engine version is explicit.</summary>
    public const string Image = "mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    private readonly Lazy<Task<string?>> _started;
    private MsSqlContainer? _container;

    public SqlServerContainer() => _started = new Lazy<Task<string?>>(StartOnceAsync);

    /// <summary>Why SQL Server cannot run here; null when it can (or before <see cref="StartAsync"/>).</summary>
    public string? Unavailable { get; private set; }

    /// <summary>The server's connection string, or null when Docker is unreachable (see <see cref="Unavailable"/>).</summary>
    public Task<string?> StartAsync() => _started.Value;

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private async Task<string?> StartOnceAsync()
    {
        try
        {
            // Build() looks for a Docker endpoint and throws DockerUnavailableException when there is none.
            _container = await Task.Run(() => new MsSqlBuilder(Image).Build()).WaitAsync(ProbeTimeout);
        }
        catch (TimeoutException)
        {
            Unavailable = $"no Docker endpoint answered within {ProbeTimeout.TotalSeconds:0} s.";
            return null;
        }
        catch (DockerUnavailableException ex)
        {
            Unavailable = Summary(ex.Message);
            return null;
        }

        // Docker answered: from here on a failure is a real one and fails the SQL Server tests.
        await _container.StartAsync();
        return _container.GetConnectionString();
    }

    /// <summary>The message's first line and its distinct details on one line (Testcontainers adds a configuration how-to).</summary>
    private static string Summary(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var details = lines.SkipWhile(line => !line.StartsWith("Details:", StringComparison.Ordinal)).Skip(1).Distinct();
        return string.Join(' ', lines.Take(1).Concat(details));
    }
}
