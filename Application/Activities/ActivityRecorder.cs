using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Activities;
using SalesCrm.Domain.Common;

namespace SalesCrm.Application.Activities;

/// <summary>
/// The one way an activity gets recorded, shared by the four create use cases and the batch: resolve the owner
/// (and the owner's team at this moment), stamp the times and the externalId's source, then hand the activity to the
/// store, which checks links and externalIds as it commits.
/// </summary>
public sealed class ActivityRecorder(ICurrentUser caller, OwnerAssignment owners, IActivityStore store, TimeProvider clock)
{
    /// <summary>Builds the activity for an already validated input. Throws a field error when the owner is not assignable.</summary>
    public async Task<NewActivity> PrepareAsync(IActivityInput input, ActivityType type, CancellationToken cancellationToken)
    {
        var owner = await owners.ResolveAsync(input.OwnerId, cancellationToken);
        var now = clock.Now();
        return input.Describe(new NewActivity
        {
            Id = Ids.New(),
            Type = type,
            OwnerId = owner.UserId,
            TeamId = owner.TeamId,
            OccurredAt = input.OccurredAt is { } at ? HistoryRules.Truncate(at) : now,
            LeadId = input.LeadId,
            ContactId = input.ContactId,
            AccountId = input.AccountId,
            OpportunityId = input.OpportunityId,
            CreatedAt = now,
            CreatedBy = caller.Id,
            ExternalSource = ExternalIds.SourceFor(caller, input.ExternalId),
            ExternalId = ExternalIds.Normalise(input.ExternalId),
        });
    }

    public async Task<CreateOutcome<ActivityDto>> RecordAsync(IActivityInput input, ActivityType type, CancellationToken cancellationToken)
    {
        var activity = await PrepareAsync(input, type, cancellationToken);
        var result = (await store.RecordAsync([activity], OwnerScope.For(caller), cancellationToken))[0];
        return result.Status switch
        {
            ActivityWriteStatus.Created => new CreateOutcome<ActivityDto>(activity.ToDto(), Created: true),
            ActivityWriteStatus.Duplicate => new CreateOutcome<ActivityDto>(await ExistingAsync(result.Id, cancellationToken), Created: false),
            _ => throw new RequestValidationException(result.Errors!),
        };
    }

    public async Task<ActivityDto> ExistingAsync(Guid id, CancellationToken cancellationToken) =>
        (await store.FindAnyAsync(id, cancellationToken))?.Activity ?? throw new NotFoundException("activity");
}
