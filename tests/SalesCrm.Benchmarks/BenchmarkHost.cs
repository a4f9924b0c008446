using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SalesCrm.Benchmarks;

/// <summary>
/// The real API (the Api project's own Program, built in Release with the benchmark) on Kestrel at 127.0.0.1,
/// with a fresh SQLite database in a temp folder. The only addition is the baseline endpoint, mapped here and never
/// in the product (see <see cref="BaselineEndpoint"/>).
/// </summary>
public sealed class BenchmarkHost : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@benchmark.example.com";
    public const string AdminPassword = "Benchmark-Admin-1";

    /// <param name="dataDirectory">A folder to keep (a generated history reused across runs); by default a fresh temp folder, deleted afterwards.</param>
    public BenchmarkHost(string? dataDirectory = null)
    {
        Port = FreePort();
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        _keep = dataDirectory is not null;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "salescrm-benchmark", Guid.NewGuid().ToString("N"));
    }

    private readonly bool _keep;

    public string DataDirectory { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string DatabasePath => Path.Combine(DataDirectory, "salescrm.db");

    /// <summary>One statement straight against the benchmark's database file (setup checks and counts, never a measured path).</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The API's settings file is copied beside the benchmark; the API's Program is found through it, not the solution layout.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.Combine(DataDirectory, "spa"));
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Spa:RootPath", Path.Combine(DataDirectory, "spa"));
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, BaselineEndpoint.StartupFilter>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_keep)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
