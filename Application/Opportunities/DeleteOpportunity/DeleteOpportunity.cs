using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Opportunities.DeleteOpportunity;

/// <summary>
/// Soft-deletes an opportunity in the caller's scope: it leaves lists and metrics and answers 404, but keeps its
/// history, and who deleted it when. The owner's manager or an admin can restore it.
/// </summary>
public sealed record DeleteOpportunityCommand(Guid Id) : ICommand;

public sealed class DeleteOpportunityCommandHandler(ICurrentUser caller, IOpportunityStore opportunities, TimeProvider clock)
    : ICommandHandler<DeleteOpportunityCommand>
{
    public async ValueTask<Unit> Handle(DeleteOpportunityCommand command, CancellationToken cancellationToken)
    {
        var record = await opportunities.RequireInScopeAsync(caller, command.Id, cancellationToken);
        await opportunities.SetDeletedAsync(record.Id, clock.Now(), caller.Id, cancellationToken);
        return Unit.Value;
    }
}
