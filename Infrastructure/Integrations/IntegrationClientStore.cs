using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Integrations;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Integrations;

public sealed class IntegrationClientStore(IDbConnectionFactory connections) : SqlStore(connections), IIntegrationClientStore
{
    private const string Columns =
        "id AS Id, client_id AS ClientId, name AS Name, secret_hash AS SecretHash, scopes AS Scopes, " +
        "created_at AS CreatedAt, created_by AS CreatedBy, revoked_at AS RevokedAt";

    public static readonly Sql Insert = new("""
        INSERT INTO integration_clients (id, client_id, name, secret_hash, scopes, created_at, created_by)
        VALUES (@Id, @ClientId, @Name, @SecretHash, @Scopes, @CreatedAt, @CreatedBy)
        """);

    public static readonly Sql FindByClientId = new($"SELECT {Columns} FROM integration_clients WHERE client_id = @ClientId");

    public static readonly Sql Find = new($"SELECT {Columns} FROM integration_clients WHERE id = @Id");

    public static readonly Sql Revoke = new(
        "UPDATE integration_clients SET revoked_at = @At WHERE id = @Id AND revoked_at IS NULL");

    public static readonly Sql List = new($"""
        SELECT {Columns} FROM integration_clients
        WHERE (@After IS NULL OR id > @After)
        ORDER BY id
        {"{limit}"}
        """);

    public Task InsertAsync(IntegrationClientRecord client, CancellationToken cancellationToken) =>
        ExecuteAsync(Insert, new
        {
            client.Id,
            client.ClientId,
            client.Name,
            client.SecretHash,
            Scopes = string.Join(' ', client.Scopes),
            client.CreatedAt,
            client.CreatedBy,
        }, cancellationToken);

    public async Task<IntegrationClientRecord?> FindByClientIdAsync(string clientId, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<ClientRow>(FindByClientId, new { ClientId = clientId }, cancellationToken))?.ToRecord();

    public async Task<IntegrationClientRecord?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<ClientRow>(Find, new { Id = id }, cancellationToken))?.ToRecord();

    public Task RevokeAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(Revoke, new { Id = id, At = at }, cancellationToken);

    public async Task<Page<IntegrationClientDto>> ListAsync(int limit, Guid? after, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<ClientRow>(List, new { After = after, Limit = limit + 1 }, cancellationToken);
        return PageBuilder.From(rows, limit, r => r.Id, r => r.ToRecord().ToDto());
    }

    private sealed class ClientRow
    {
        public Guid Id { get; init; }

        public string ClientId { get; init; } = "";

        public string Name { get; init; } = "";

        public string SecretHash { get; init; } = "";

        public string Scopes { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        public Guid CreatedBy { get; init; }

        public DateTimeOffset? RevokedAt { get; init; }

        public IntegrationClientRecord ToRecord() => new()
        {
            Id = Id,
            ClientId = ClientId,
            Name = Name,
            SecretHash = SecretHash,
            Scopes = Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            CreatedAt = CreatedAt,
            CreatedBy = CreatedBy,
            RevokedAt = RevokedAt,
        };
    }
}
