using SalesCrm.Application.Integrations;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.People;
using SalesCrm.Infrastructure.Integrations;
using SalesCrm.Infrastructure.People;
using SalesCrm.IntegrationTests.Data;
using SalesCrm.IntegrationTests.People;

namespace SalesCrm.IntegrationTests.Integrations;

public abstract class IntegrationClientStoreTests : DatabaseTests
{
    private readonly IntegrationClientStore _clients;
    private readonly UserStore _users;

    protected IntegrationClientStoreTests(TestDatabase database)
        : base(database)
    {
        _clients = new IntegrationClientStore(Connections);
        _users = new UserStore(Connections);
    }

    [Fact]
    public async Task A_client_comes_back_with_its_scopes_by_id_and_by_client_id()
    {
        var client = await NewClientAsync("scc_roundtrip", [IntegrationScopes.ActivitiesWrite, IntegrationScopes.MetricsRead]);

        var byId = await _clients.FindAsync(client.Id, Cancellation);
        var byClientId = await _clients.FindByClientIdAsync("scc_roundtrip", Cancellation);

        Assert.Equivalent(client, byId, strict: true);
        Assert.Equivalent(client, byClientId, strict: true);
        Assert.Equal([IntegrationScopes.ActivitiesWrite, IntegrationScopes.MetricsRead], byId!.Scopes);
        Assert.Null(await _clients.FindByClientIdAsync("scc_unknown", Cancellation));
    }

    [Fact]
    public async Task A_revoked_client_keeps_the_first_revocation_time()
    {
        var client = await NewClientAsync("scc_revoked", [IntegrationScopes.DirectoryRead]);

        await _clients.RevokeAsync(client.Id, Now.AddHours(1), Cancellation);
        await _clients.RevokeAsync(client.Id, Now.AddHours(2), Cancellation);

        Assert.Equal(Now.AddHours(1), (await _clients.FindAsync(client.Id, Cancellation))!.RevokedAt);
    }

    private async Task<IntegrationClientRecord> NewClientAsync(string clientId, IReadOnlyList<string> scopes)
    {
        var admin = TestRecords.User($"admin-{clientId}@example.com", Role.Admin);
        await _users.InsertAsync(admin, Cancellation);
        var client = new IntegrationClientRecord
        {
            Id = Ids.New(),
            ClientId = clientId,
            Name = "Client " + clientId,
            SecretHash = "secret:" + clientId,
            Scopes = scopes,
            CreatedAt = Now,
            CreatedBy = admin.Id,
        };
        await _clients.InsertAsync(client, Cancellation);
        return client;
    }
}

public sealed class SqliteIntegrationClientStoreTests(SqliteDatabase database)
    : IntegrationClientStoreTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerIntegrationClientStoreTests(SqlServerDatabase database)
    : IntegrationClientStoreTests(database), IClassFixture<SqlServerDatabase>;
