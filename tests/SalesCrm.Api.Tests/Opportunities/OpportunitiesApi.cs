using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Pipelines;
using SalesCrm.Application.Me.GetMe;
using SalesCrm.Application.Opportunities;

namespace SalesCrm.Api.Tests.Opportunities;

/// <summary>Helpers for the opportunity tests: directory rows to link to, creating deals and moving them with If-Match.</summary>
public static class OpportunitiesApi
{
    /// <summary>An account of the shared directory, created by the admin.</summary>
    public static async Task<Guid> AccountAsync(this ApiFactory factory)
    {
        using var admin = await factory.AdminClientAsync();
        return (await SalesDirectory.SalesDirectoryApi.CreateAccountAsync(admin)).Id;
    }

    /// <summary>A contact, at <paramref name="accountId"/> when given.</summary>
    public static async Task<Guid> ContactAsync(this ApiFactory factory, Guid? accountId)
    {
        using var admin = await factory.AdminClientAsync();
        return (await SalesDirectory.SalesDirectoryApi.CreateContactAsync(admin, extra: new { accountId })).Id;
    }

    /// <summary>A lead owned by <paramref name="ownerId"/> (written straight into the database: leads are another feature's).</summary>
    public static async Task<Guid> LeadAsync(this ApiFactory factory, Guid ownerId)
    {
        var id = Guid.CreateVersion7();
        await factory.ExecuteSqlAsync(
            "INSERT INTO leads (id, name, owner_id, status, created_at, created_by, version) VALUES ($id, 'Lead', $owner, 'new', 0, $owner, 1)",
            ("$id", id), ("$owner", ownerId));
        return id;
    }

    public static async Task<Guid> AdminIdAsync(this ApiFactory factory)
    {
        using var admin = await factory.AdminClientAsync();
        return (await (await admin.GetAsync("/api/v1/me")).ReadAsync<MeResponse>()).Id;
    }

    public static async Task<long> ScalarSqlAsync(this ApiFactory factory, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await factory.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, parameters);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<OpportunityDto> CreateOpportunityAsync(this HttpClient client, Guid accountId, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["name"] = "Big deal", ["accountId"] = accountId, ["amount"] = 1000m };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }

        var response = await client.PostAsJsonAsync("/api/v1/opportunities", body, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<OpportunityDto>();
    }

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient client, Guid opportunityId, int? version, object body) =>
        client.SendAsync(HttpMethod.Post, $"/api/v1/opportunities/{opportunityId}/stage-moves", body, version);

    /// <summary>Moves and asserts 201; returns the new version from the ETag.</summary>
    public static async Task<int> MovedAsync(this HttpClient client, Guid opportunityId, int version, object body)
    {
        var response = await client.MoveAsync(opportunityId, version, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<OpportunityDto> OpportunityAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/opportunities/{id}")).ReadAsync<OpportunityDto>();

    private static async Task ExecuteSqlAsync(this ApiFactory factory, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await factory.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<SqliteConnection> OpenDatabaseAsync(this ApiFactory factory)
    {
        _ = factory.Server;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(factory.DataDirectory, "salescrm.db"),
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static void Bind(SqliteCommand command, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value switch
            {
                null => DBNull.Value,
                Guid guid => guid.ToString("D"),
                _ => value,
            });
        }
    }
}
