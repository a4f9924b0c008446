namespace SalesCrm.Application.Contacts;

/// <summary>A contact (a person, usually at an account) as stored, with its owner's team and its deletion marks.</summary>
public sealed record ContactRecord
{
    public Guid Id { get; init; }

    public Guid? AccountId { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Title { get; init; }

    public Guid OwnerId { get; init; }

    public Guid? OwnerTeamId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public Guid CreatedBy { get; init; }

    public string? ExternalSource { get; init; }

    public string? ExternalId { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public Guid? DeletedBy { get; init; }

    public int Version { get; init; }

    /// <summary>What a name-sorted list orders by: last name, then first name.</summary>
    public string SortName => LastName + " " + FirstName;

    public ContactDto ToDto() =>
        new(Id, AccountId, FirstName, LastName, Email, Phone, Title, OwnerId, CreatedAt, CreatedBy, ExternalId, Version);
}

/// <summary>A contact as clients see it.</summary>
public sealed record ContactDto(
    Guid Id,
    Guid? AccountId,
    string FirstName,
    string LastName,
    string? Email,
    string? Phone,
    string? Title,
    Guid OwnerId,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    string? ExternalId,
    int Version) : Common.Records.IVersioned;
