using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SalesCrm.Infrastructure.Auth;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Demo;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// A generated history in a database of its own per test class: the profile the rollup tests generate, sampled edits of
/// its records, and counts.
/// </summary>
public abstract class GeneratedHistoryTests(TestDatabase database) : DatabaseTests(database)
{
    /// <summary>One team of two reps over 120 days: small enough to check every rollup row against the records.</summary>
    protected static readonly GeneratorProfile Tiny = GeneratorProfile.Small with { Teams = 1, RepsPerTeam = 2, Days = 120, Seed = 7 };

    /// <summary>
    /// Runs an edit of a sample of rows: <c>{pick}</c> is a row id's last hex digit, so <c>{pick} IN ('0', '1')</c> edits about
    /// an eighth of them. Ids are version-7 GUIDs with random bits, so the sample differs from run to run: an assertion
    /// that needs particular rows edited must choose them by their data, not by <c>{pick}</c>.
    /// </summary>
    protected Task EditAsync(System.Data.Common.DbConnection connection, string sql, object? parameters = null)
    {
        var pick = Connections.Dialect == SqlDialect.Sqlite ? "LOWER(SUBSTR(CAST(id AS VARCHAR(36)), 36, 1))" : "LOWER(SUBSTRING(CAST(id AS VARCHAR(36)), 36, 1))";
        return connection.ExecuteAsync(new CommandDefinition(sql.Replace("{pick}", pick, StringComparison.Ordinal), parameters, cancellationToken: Cancellation));
    }

    /// <summary>Generates a history (into the reps an earlier test of the class generated, if any) and opens a connection.</summary>
    protected async Task<System.Data.Common.DbConnection> GenerateAsync(GeneratorProfile profile, HistoryWrites writes = HistoryWrites.Bulk)
    {
        await new SalesHistoryGenerator(Connections, new IdentityPasswordHasher(), new FixedClock(Now), NullLogger<SalesHistoryGenerator>.Instance)
            .GenerateAsync(profile, await GeneratedRepsAsync() is { Count: > 0 } reps ? reps : null, writes, Cancellation);
        return await Connections.OpenAsync(Cancellation);
    }

    /// <summary>The reps an earlier test of the class generated (its tests share one database), to generate into them again.</summary>
    protected async Task<List<GeneratedRep>> GeneratedRepsAsync()
    {
        await using var connection = await Connections.OpenAsync(Cancellation);
        return [.. (await connection.QueryAsync<Guid>(new CommandDefinition(
                "SELECT id FROM users WHERE role = 'rep' AND email LIKE 'rep%@generated.example.com' ORDER BY email", cancellationToken: Cancellation)))
            .Select(id => new GeneratedRep(id, null))];
    }

    /// <summary>The one number a statement selects.</summary>
    protected static async Task<long> Count(System.Data.Common.DbConnection connection, string sql, object? parameters = null) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: Cancellation));
}
