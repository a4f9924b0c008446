using SalesCrm.Domain.Activities;

namespace SalesCrm.Application.Activities;

/// <summary>
/// A call, email, meeting or note as clients see it. Fields that do not apply to the type are null:
/// <c>direction</c> (calls, emails), <c>outcome</c> and <c>durationSeconds</c> (calls, meetings),
/// <c>subject</c> (emails, meetings), <c>notes</c> (calls, emails, meetings), <c>body</c> (notes), <c>repliedAt</c> (emails).
/// </summary>
public sealed record ActivityDto(
    Guid Id,
    ActivityType Type,
    Guid OwnerId,
    Guid? TeamId,
    DateTimeOffset OccurredAt,
    Guid? LeadId,
    Guid? ContactId,
    Guid? AccountId,
    Guid? OpportunityId,
    ActivityDirection? Direction,
    ActivityOutcome? Outcome,
    int? DurationSeconds,
    string? Subject,
    string? Notes,
    string? Body,
    DateTimeOffset? RepliedAt,
    string? ExternalId,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    int Version);

/// <summary>An activity about to be stored: validated, owned, timestamped; its links are checked when it is written.</summary>
public sealed record NewActivity
{
    public required Guid Id { get; init; }

    public required ActivityType Type { get; init; }

    public required Guid OwnerId { get; init; }

    public Guid? TeamId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public Guid? LeadId { get; init; }

    public Guid? ContactId { get; init; }

    public Guid? AccountId { get; init; }

    public Guid? OpportunityId { get; init; }

    public ActivityDirection? Direction { get; init; }

    public ActivityOutcome? Outcome { get; init; }

    public int? DurationSeconds { get; init; }

    public string? Subject { get; init; }

    /// <summary>The notes of a call, email or meeting, or the text of a note.</summary>
    public string? Body { get; init; }

    public DateTimeOffset? RepliedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required Guid CreatedBy { get; init; }

    public string? ExternalSource { get; init; }

    public string? ExternalId { get; init; }

    public ActivityDto ToDto() => new(
        Id, Type, OwnerId, TeamId, OccurredAt, LeadId, ContactId, AccountId, OpportunityId, Direction, Outcome, DurationSeconds,
        Subject, Type == ActivityType.Note ? null : Body, Type == ActivityType.Note ? Body : null, RepliedAt,
        ExternalId, CreatedAt, CreatedBy, Version: 1);
}
