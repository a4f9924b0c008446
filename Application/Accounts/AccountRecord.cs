namespace SalesCrm.Application.Accounts;

/// <summary>An account (a company) as stored, with its owner's team and its deletion marks.</summary>
public sealed record AccountRecord
{
    public Guid Id { get; init; }

    public required string Name { get; init; }

    public string? Domain { get; init; }

    public string? Industry { get; init; }

    public Guid OwnerId { get; init; }

    public Guid? OwnerTeamId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public Guid CreatedBy { get; init; }

    public string? ExternalSource { get; init; }

    public string? ExternalId { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public Guid? DeletedBy { get; init; }

    public int Version { get; init; }

    public AccountDto ToDto() => new(Id, Name, Domain, Industry, OwnerId, CreatedAt, CreatedBy, ExternalId, Version);
}

/// <summary>An account as clients see it.</summary>
public sealed record AccountDto(
    Guid Id,
    string Name,
    string? Domain,
    string? Industry,
    Guid OwnerId,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    string? ExternalId,
    int Version) : Common.Records.IVersioned;
