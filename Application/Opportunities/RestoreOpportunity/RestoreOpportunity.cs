using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.Opportunities.RestoreOpportunity;

/// <summary>
/// Brings a soft-deleted opportunity back: the owner's manager, an admin or an integration may; reps may not.
/// Restoring one that is not deleted changes nothing.
/// </summary>
public sealed record RestoreOpportunityCommand(Guid Id) : ICommand<OpportunityDto>;

public sealed class RestoreOpportunityCommandHandler(ICurrentUser caller, IOpportunityStore opportunities)
    : ICommandHandler<RestoreOpportunityCommand, OpportunityDto>
{
    public async ValueTask<OpportunityDto> Handle(RestoreOpportunityCommand command, CancellationToken cancellationToken)
    {
        if (caller.Role == Role.Rep)
        {
            throw new ForbiddenException("Only the owner's manager or an admin can restore a deleted opportunity.");
        }

        var record = await opportunities.RequireInScopeAsync(caller, command.Id, cancellationToken, includeDeleted: true);
        if (record.DeletedAt is not null)
        {
            await opportunities.SetDeletedAsync(record.Id, null, null, cancellationToken);
        }

        return (await opportunities.RequireInScopeAsync(caller, command.Id, cancellationToken)).Opportunity;
    }
}
