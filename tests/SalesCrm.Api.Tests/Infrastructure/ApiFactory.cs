using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SalesCrm.Api.Tests.Infrastructure;

/// <summary>
/// The real API over an in-memory server, with its own SQLite file, signing key and SPA folder in a temp
/// directory: each test class that uses it owns its database.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@tests.example.com";
    public const string AdminPassword = "Admin-Password-1";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "salescrm-tests", Guid.NewGuid().ToString("N"));

    public string SpaDirectory => Path.Combine(DataDirectory, "spa");

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(SpaDirectory);
        File.WriteAllText(Path.Combine(SpaDirectory, "index.html"), "<!doctype html><title>SalesCrm test SPA</title>");
        builder.UseEnvironment("Testing");
        // As `dotnet run` (Development) does: a singleton holding a scoped service, or a registration that cannot be
        // built, fails the start instead of passing here and breaking the README's run command.
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Spa:RootPath", SpaDirectory);
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(ConfigureServices);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }
}
