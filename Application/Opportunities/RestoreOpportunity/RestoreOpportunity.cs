using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Opportunities.RestoreOpportunity;

/// <summary>
/// Brings a soft-deleted opportunity back: the owner's manager or an admin; reps and integrations may not.
/// Restoring one that is not deleted changes nothing.
/// </summary>
public sealed record RestoreOpportunityCommand(Guid Id) : ICommand<OpportunityDto>;

public sealed class RestoreOpportunityCommandHandler(ICurrentUser caller, IOpportunityStore opportunities)
    : ICommandHandler<RestoreOpportunityCommand, OpportunityDto>
{
    public async ValueTask<OpportunityDto> Handle(RestoreOpportunityCommand command, CancellationToken cancellationToken)
    {
        var record = await opportunities.RequireInScopeAsync(caller, command.Id, cancellationToken, includeDeleted: true);
        RecordPermissions.EnsureMayRestore(caller, record.Opportunity.OwnerId, record.OwnerTeamId);
        if (record.DeletedAt is not null)
        {
            await opportunities.SetDeletedAsync(record.Id, null, null, cancellationToken);
        }

        return (await opportunities.RequireInScopeAsync(caller, command.Id, cancellationToken)).Opportunity;
    }
}
