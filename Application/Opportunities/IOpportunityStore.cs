using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Opportunities.ListOpportunities;
using SalesCrm.Domain.Opportunities;

namespace SalesCrm.Application.Opportunities;

public interface IOpportunityStore
{
    Task<OpportunityRecord?> FindAsync(Guid id, bool includeDeleted, CancellationToken cancellationToken);

    /// <summary>The opportunity a caller created with this external id, deleted or not.</summary>
    Task<OpportunityRecord?> FindByExternalIdAsync(string externalSource, string externalId, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the opportunity and its first history entry (the creation, from no stage) in one transaction;
    /// false, with nothing written, when the caller's external id is already taken.
    /// </summary>
    Task<bool> InsertAsync(NewOpportunity opportunity, StageMoveRecord creation, CancellationToken cancellationToken);

    Task<bool> UpdateAsync(Guid id, OpportunityChanges changes, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the move and sets stage, stage-entered time, close and version in one transaction, only when the
    /// opportunity is still at <paramref name="expectedVersion"/>: of two moves on one version exactly one applies.
    /// </summary>
    Task<bool> MoveStageAsync(StageMoveRecord move, DealClose? close, string? competitor, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>Sets the owner and records the change in one transaction when the version matches.</summary>
    Task<bool> ReassignAsync(OwnerChangeRecord change, int expectedVersion, CancellationToken cancellationToken);

    Task<DateTimeOffset?> LatestOwnerChangeAsync(Guid opportunityId, CancellationToken cancellationToken);

    /// <summary>Soft-deletes (a time and who) or restores (nulls) the opportunity, raising its version.</summary>
    Task SetDeletedAsync(Guid id, DateTimeOffset? deletedAt, Guid? deletedBy, CancellationToken cancellationToken);

    Task<Page<OpportunityDto>> ListAsync(OpportunityListFilter filter, OwnerScope scope, CancellationToken cancellationToken);

    /// <summary>History entries after <paramref name="afterMoveNumber"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StageMoveRow>> ListStageMovesAsync(Guid opportunityId, int afterMoveNumber, int limit, CancellationToken cancellationToken);

    Task<Page<OwnerChangeDto>> ListOwnerChangesAsync(Guid opportunityId, int limit, string? cursor, CancellationToken cancellationToken);
}

public sealed record NewOpportunity(
    Guid Id,
    string Name,
    Guid AccountId,
    Guid? PrimaryContactId,
    Guid OwnerId,
    Guid PipelineId,
    Guid StageId,
    decimal Amount,
    DateOnly? ExpectedCloseDate,
    Guid? LeadId,
    string? Competitor,
    DateTimeOffset CreatedAt,
    Guid CreatedBy,
    string? ExternalSource,
    string? ExternalId);

public sealed record OpportunityChanges(string Name, decimal Amount, DateOnly? ExpectedCloseDate, Guid? PrimaryContactId, string? Competitor);

public sealed record StageMoveRecord(
    Guid Id,
    Guid OpportunityId,
    Guid? FromStageId,
    Guid ToStageId,
    DateTimeOffset OccurredAt,
    Guid MovedBy,
    DateTimeOffset RecordedAt,
    Guid? LostReasonId);

public sealed record OwnerChangeRecord(Guid Id, Guid OpportunityId, Guid FromOwnerId, Guid ToOwnerId, DateTimeOffset OccurredAt, Guid ChangedBy);

/// <summary>A stored history entry with the stage names and the entered stage's kind, before days in stage are worked out.</summary>
public sealed record StageMoveRow(
    Guid Id,
    Guid OpportunityId,
    int MoveNumber,
    Guid? FromStageId,
    string? FromStageName,
    Guid ToStageId,
    string ToStageName,
    Domain.Pipelines.StageKind ToStageKind,
    DateTimeOffset OccurredAt,
    Guid MovedBy,
    DateTimeOffset RecordedAt,
    Guid? LostReasonId);
