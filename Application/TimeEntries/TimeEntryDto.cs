using SalesCrm.Domain.TimeEntries;

namespace SalesCrm.Application.TimeEntries;

/// <summary>Non-selling time a rep logged: what kind, when it started, how many minutes, and a note.</summary>
public sealed record TimeEntryDto(
    Guid Id,
    Guid OwnerId,
    TimeEntryKind Kind,
    DateTimeOffset OccurredAt,
    int DurationMinutes,
    string? Note,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version) : Common.Records.IVersioned;
