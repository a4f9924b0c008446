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

    /// <summary>The rep's start date for ramp time, set by an admin; null reads as the date the user was created.</summary>
    public DateOnly? StartedOn { get; init; }

    public int Version { get; init; }

    public UserDto ToDto() => new(Id, Email, DisplayName, Role, TeamId, IsActive, CreatedAt, Version, StartedOn);
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
    int Version,
    DateOnly? StartedOn = null) : Common.Records.IVersioned;
