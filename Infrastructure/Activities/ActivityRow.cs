using SalesCrm.Application.Activities;
using SalesCrm.Domain.Activities;
using SalesCrm.Domain.Common;

namespace SalesCrm.Infrastructure.Activities;

/// <summary>An activities row as Dapper reads it (enums as their stored names).</summary>
public sealed class ActivityRow
{
    public const string Columns =
        "a.id AS Id, a.type AS Type, a.owner_id AS OwnerId, a.team_id AS TeamId, a.occurred_at AS OccurredAt, " +
        "a.lead_id AS LeadId, a.contact_id AS ContactId, a.account_id AS AccountId, a.opportunity_id AS OpportunityId, " +
        "a.direction AS Direction, a.outcome AS Outcome, a.duration_seconds AS DurationSeconds, a.subject AS Subject, " +
        "a.body AS Body, a.replied_at AS RepliedAt, a.external_id AS ExternalId, a.created_at AS CreatedAt, " +
        "a.created_by AS CreatedBy, a.version AS Version";

    public Guid Id { get; init; }

    public string Type { get; init; } = "";

    public Guid OwnerId { get; init; }

    public Guid? TeamId { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public Guid? LeadId { get; init; }

    public Guid? ContactId { get; init; }

    public Guid? AccountId { get; init; }

    public Guid? OpportunityId { get; init; }

    public string? Direction { get; init; }

    public string? Outcome { get; init; }

    public int? DurationSeconds { get; init; }

    public string? Subject { get; init; }

    public string? Body { get; init; }

    public DateTimeOffset? RepliedAt { get; init; }

    public string? ExternalId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public Guid CreatedBy { get; init; }

    public int Version { get; init; }

    public Guid? OwnerTeamId { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public ActivityDto ToDto()
    {
        var type = EnumNames.Parse<ActivityType>(Type);
        return new ActivityDto(
            Id, type, OwnerId, TeamId, OccurredAt, LeadId, ContactId, AccountId, OpportunityId,
            Direction is null ? null : EnumNames.Parse<ActivityDirection>(Direction),
            Outcome is null ? null : EnumNames.Parse<ActivityOutcome>(Outcome),
            DurationSeconds, Subject,
            type == ActivityType.Note ? null : Body,
            type == ActivityType.Note ? Body : null,
            RepliedAt, ExternalId, CreatedAt, CreatedBy, Version);
    }
}
