using SalesCrm.Application.FollowUps;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.FollowUps;

namespace SalesCrm.Infrastructure.FollowUps;

/// <summary>A follow_ups row as Dapper reads it (enums as their stored names).</summary>
public sealed class FollowUpRow
{
    public const string Columns =
        "f.id AS Id, f.owner_id AS OwnerId, f.channel AS Channel, f.due_at AS DueAt, f.lead_id AS LeadId, " +
        "f.opportunity_id AS OpportunityId, f.notes AS Notes, f.status AS Status, f.completed_at AS CompletedAt, " +
        "f.fulfilled_by_activity_id AS FulfilledByActivityId, f.cancelled_at AS CancelledAt, f.created_at AS CreatedAt, " +
        "f.created_by AS CreatedBy, f.external_source AS ExternalSource, f.external_id AS ExternalId, f.version AS Version";

    public Guid Id { get; init; }

    public Guid OwnerId { get; init; }

    public string Channel { get; init; } = "";

    public DateTimeOffset DueAt { get; init; }

    public Guid? LeadId { get; init; }

    public Guid? OpportunityId { get; init; }

    public string? Notes { get; init; }

    public string Status { get; init; } = "";

    public DateTimeOffset? CompletedAt { get; init; }

    public Guid? FulfilledByActivityId { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public Guid CreatedBy { get; init; }

    public string? ExternalSource { get; init; }

    public string? ExternalId { get; init; }

    public int Version { get; init; }

    public Guid? OwnerTeamId { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public FollowUpRecord ToRecord() => new()
    {
        Id = Id,
        OwnerId = OwnerId,
        Channel = EnumNames.Parse<FollowUpChannel>(Channel),
        DueAt = DueAt,
        LeadId = LeadId,
        OpportunityId = OpportunityId,
        Notes = Notes,
        Status = EnumNames.Parse<FollowUpStatus>(Status),
        CompletedAt = CompletedAt,
        FulfilledByActivityId = FulfilledByActivityId,
        CancelledAt = CancelledAt,
        CreatedAt = CreatedAt,
        CreatedBy = CreatedBy,
        ExternalSource = ExternalSource,
        ExternalId = ExternalId,
        Version = Version,
    };
}
