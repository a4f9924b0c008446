using SalesCrm.Domain.Forecasts;
using SalesCrm.Domain.Opportunities;
using SalesCrm.Domain.Pipelines;

namespace SalesCrm.Application.Opportunities;

/// <summary>
/// An opportunity as clients see it: its current stage (name and win probability), when it entered that stage,
/// and once closed, when, how (<see cref="Outcome"/>) and for lost deals why; the owner's <see cref="ForecastCategory"/>
/// (set through <c>PUT /opportunities/{id}/forecast</c>).
/// </summary>
public sealed record OpportunityDto(
    Guid Id,
    string Name,
    Guid AccountId,
    Guid? PrimaryContactId,
    Guid OwnerId,
    Guid PipelineId,
    Guid StageId,
    string StageName,
    int StageProbability,
    decimal Amount,
    DateOnly? ExpectedCloseDate,
    Guid? LeadId,
    string? Competitor,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    DateTimeOffset StageEnteredAt,
    DateTimeOffset? ClosedAt,
    Outcome? Outcome,
    Guid? LostReasonId,
    string? ExternalId,
    ForecastCategory ForecastCategory,
    int Version);

/// <summary>An opportunity as stored, with what scope checks and stage rules need beside the client's view.</summary>
public sealed record OpportunityRecord(
    OpportunityDto Opportunity,
    Guid? OwnerTeamId,
    StageKind StageKind,
    DateTimeOffset? DeletedAt)
{
    public Guid Id => Opportunity.Id;

    public int Version => Opportunity.Version;
}

/// <summary>One entry of an opportunity's stage history; the first has no <see cref="FromStageId"/> (the creation).</summary>
public sealed record StageMoveDto(
    Guid Id,
    Guid OpportunityId,
    Guid? FromStageId,
    string? FromStageName,
    Guid ToStageId,
    string ToStageName,
    DateTimeOffset OccurredAt,
    Guid MovedBy,
    DateTimeOffset RecordedAt,
    Guid? LostReasonId,
    DateTimeOffset? LeftAt,
    double? DaysInStage);

/// <summary>One reassignment of an opportunity: from whom, to whom, when, by whom.</summary>
public sealed record OwnerChangeDto(Guid Id, Guid OpportunityId, Guid FromOwnerId, Guid ToOwnerId, DateTimeOffset OccurredAt, Guid ChangedBy);
