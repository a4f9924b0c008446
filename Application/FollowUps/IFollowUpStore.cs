using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.FollowUps;

namespace SalesCrm.Application.FollowUps;

public interface IFollowUpStore
{
    /// <summary>Inserts the follow-up, or returns the one already stored under its (source, externalId) with Created = false.</summary>
    Task<(FollowUpRecord FollowUp, bool Created)> InsertAsync(FollowUpRecord followUp, CancellationToken cancellationToken);

    /// <summary>A live follow-up inside the scope, or null.</summary>
    Task<FollowUpRecord?> FindAsync(Guid id, OwnerScope scope, CancellationToken cancellationToken);

    /// <summary>A follow-up whatever its state, with its owner's current team and its deletion time.</summary>
    Task<(FollowUpRecord FollowUp, Guid? OwnerTeamId, DateTimeOffset? DeletedAt)?> FindAnyAsync(Guid id, CancellationToken cancellationToken);

    Task<Page<FollowUpRecord>> ListAsync(FollowUpListFilter filter, CancellationToken cancellationToken);

    /// <summary>Closes an open follow-up still at <paramref name="expectedVersion"/>; false when it was not.</summary>
    Task<bool> CloseAsync(FollowUpClosing closing, int expectedVersion, CancellationToken cancellationToken);

    Task<bool> SoftDeleteAsync(Guid id, Guid deletedBy, DateTimeOffset deletedAt, CancellationToken cancellationToken);

    Task RestoreAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>Completing (with the time and maybe the fulfilling activity) or cancelling.</summary>
public sealed record FollowUpClosing(Guid Id, FollowUpStatus Status, DateTimeOffset At, Guid? FulfilledByActivityId);

public sealed record FollowUpListFilter(
    OwnerScope Scope,
    Guid? OwnerId,
    Guid? TeamId,
    FollowUpStatus? Status,
    DateTimeOffset? OverdueAsOf,
    DateTimeOffset? DueFrom,
    DateTimeOffset? DueTo,
    Guid? LeadId,
    Guid? OpportunityId,
    int Limit,
    Activities.TimeCursor? After);
