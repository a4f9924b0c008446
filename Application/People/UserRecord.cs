using SalesCrm.Domain.People;

namespace SalesCrm.Application.People;

/// <summary>A user as stored, password hash included; never leaves the server as is.</summary>
public sealed record UserRecord
{
    public Guid Id { get; init; }

    public required string Email { get; init; }

    public required string DisplayName { get; init; }

    public Role Role { get; init; }

    public Guid? TeamId { get; init; }

    public required string PasswordHash { get; init; }

    public bool IsActive { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int Version { get; init; }

    public UserDto ToDto() => new(Id, Email, DisplayName, Role, TeamId, IsActive, CreatedAt, Version);
}

/// <summary>A user as clients see it.</summary>
public sealed record UserDto(
    Guid Id,
    string Email,
    string DisplayName,
    Role Role,
    Guid? TeamId,
    bool IsActive,
    DateTimeOffset CreatedAt,
    int Version) : Common.Records.IVersioned;
