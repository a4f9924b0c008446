using SalesCrm.Domain.FollowUps;

namespace SalesCrm.Application.FollowUps;

/// <summary>A planned next touch as clients see it; <c>isOverdue</c> is true while it is open and past its due time.</summary>
public sealed record FollowUpDto(
    Guid Id,
    Guid OwnerId,
    FollowUpChannel Channel,
    DateTimeOffset DueAt,
    Guid? LeadId,
    Guid? OpportunityId,
    string? Notes,
    FollowUpStatus Status,
    bool IsOverdue,
    DateTimeOffset? CompletedAt,
    Guid? FulfilledByActivityId,
    DateTimeOffset? CancelledAt,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    string? ExternalId,
    int Version);

/// <summary>A follow-up as stored.</summary>
public sealed record FollowUpRecord
{
    public required Guid Id { get; init; }

    public required Guid OwnerId { get; init; }

    public required FollowUpChannel Channel { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public Guid? LeadId { get; init; }

    public Guid? OpportunityId { get; init; }

    public string? Notes { get; init; }

    public required FollowUpStatus Status { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public Guid? FulfilledByActivityId { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required Guid CreatedBy { get; init; }

    public string? ExternalSource { get; init; }

    public string? ExternalId { get; init; }

    public int Version { get; init; }

    public bool IsOverdue(DateTimeOffset now) => Status == FollowUpStatus.Open && DueAt < now;

    public FollowUpDto ToDto(DateTimeOffset now) => new(
        Id, OwnerId, Channel, DueAt, LeadId, OpportunityId, Notes, Status, IsOverdue(now), CompletedAt, FulfilledByActivityId,
        CancelledAt, CreatedAt, CreatedBy, ExternalId, Version);
}
