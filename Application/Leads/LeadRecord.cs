using SalesCrm.Domain.Leads;

namespace SalesCrm.Application.Leads;

/// <summary>A lead as stored, with its owner's team, what it was converted into, and its deletion marks.</summary>
public sealed record LeadRecord
{
    public Guid Id { get; init; }

    public required string Name { get; init; }

    public string? Company { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Source { get; init; }

    public Guid OwnerId { get; init; }

    public Guid? OwnerTeamId { get; init; }

    public LeadStatus Status { get; init; }

    public string? DisqualificationReason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public Guid CreatedBy { get; init; }

    public DateTimeOffset? ConvertedAt { get; init; }

    public Guid? ConvertedAccountId { get; init; }

    public Guid? ConvertedContactId { get; init; }

    public Guid? ConvertedOpportunityId { get; init; }

    public string? ExternalSource { get; init; }

    public string? ExternalId { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public Guid? DeletedBy { get; init; }

    public int Version { get; init; }

    /// <summary>The sum of the points of the lead's scoring events (lead scoring).</summary>
    public int Score { get; init; }

    /// <summary>When the score first reached the organisation's threshold; null while never reached.</summary>
    public DateTimeOffset? SalesQualifiedAt { get; init; }

    public LeadDto ToDto() => new(
        Id, Name, Company, Email, Phone, Source, OwnerId, Status, DisqualificationReason, CreatedAt, CreatedBy,
        ConvertedAt, ConvertedAccountId, ConvertedContactId, ConvertedOpportunityId, ExternalId, Version, Score, SalesQualifiedAt);
}

/// <summary>A lead as clients see it.</summary>
public sealed record LeadDto(
    Guid Id,
    string Name,
    string? Company,
    string? Email,
    string? Phone,
    string? Source,
    Guid OwnerId,
    LeadStatus Status,
    string? DisqualificationReason,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    DateTimeOffset? ConvertedAt,
    Guid? ConvertedAccountId,
    Guid? ConvertedContactId,
    Guid? ConvertedOpportunityId,
    string? ExternalId,
    int Version,
    int Score,
    DateTimeOffset? SalesQualifiedAt) : Common.Records.IVersioned;
