namespace SalesCrm.Application.Integrations;

public sealed class IntegrationClientRecord
{
    public Guid Id { get; init; }

    public required string ClientId { get; init; }

    public required string Name { get; init; }

    public required string SecretHash { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public Guid CreatedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public IntegrationClientDto ToDto() => new(Id, ClientId, Name, Scopes, CreatedAt, RevokedAt);
}

public sealed record IntegrationClientDto(
    Guid Id,
    string ClientId,
    string Name,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt);
