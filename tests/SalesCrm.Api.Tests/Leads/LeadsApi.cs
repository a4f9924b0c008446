using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Leads;

namespace SalesCrm.Api.Tests.Leads;

/// <summary>Helpers for the lead tests: leads created over HTTP, and a look at the rows a conversion writes.</summary>
public static class LeadsApi
{
    /// <summary>The default pipeline and its first open stage, as seeded by migration 0002.</summary>
    public static readonly Guid DefaultPipelineId = Guid.Parse("0190f1a0-0000-7000-8000-000000000001");
    public static readonly Guid DiscoveryStageId = Guid.Parse("0190f1a0-0000-7000-8000-000000000101");

    public static async Task<LeadDto> CreateLeadAsync(this HttpClient client, string name = "Ada Lovelace", object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["name"] = name, ["company"] = $"Analytical {Guid.NewGuid():N}" };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }

        var response = await client.PostAsJsonAsync("/api/v1/leads", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<LeadDto>();
    }

    public static object Conversion(string name = "First deal", decimal amount = 1200m, object? pipelineId = null) =>
        new { opportunity = new { name, amount, pipelineId } };

    /// <summary>Runs one scalar query against the test's own SQLite database.</summary>
    public static async Task<T> ScalarAsync<T>(this ApiFactory factory, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "salescrm.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<long> CountAsync(this ApiFactory factory, string table) =>
        factory.ScalarAsync<long>($"SELECT COUNT(*) FROM {table}");

    public static async Task ExecuteAsync(this ApiFactory factory, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "salescrm.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
