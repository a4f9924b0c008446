using SalesCrm.Application.Leads;

namespace SalesCrm.Application.LeadScoring;

/// <summary>
/// One scoring event of a lead: the points of its type's rule when it was recorded (kept, so later rule changes do not
/// re-score it) and the lead's score right after it.
/// </summary>
public sealed record LeadScoreEventDto(
    Guid Id,
    Guid LeadId,
    string Type,
    int Points,
    int ScoreAfter,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid RecordedBy,
    string? ExternalId);

/// <summary>What recording an event did: the event, whether it made the lead sales-qualified, and the lead as it now is.</summary>
public sealed record LeadEventRecordedDto(LeadScoreEventDto Event, bool Qualified, LeadDto Lead);

/// <summary>An event to store; <see cref="ExternalSource"/> is the caller owning <see cref="ExternalId"/>.</summary>
public sealed record LeadScoreEventRecord(
    Guid Id,
    Guid LeadId,
    string Type,
    int Points,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    Guid RecordedBy,
    string? ExternalSource,
    string? ExternalId);

/// <summary>The stored event and whether its insert made the lead sales-qualified (and so maybe reassigned it).</summary>
public sealed record LeadScoreOutcome(LeadScoreEventDto Event, bool Qualified);
