using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Leads.DeleteLead;

/// <summary>Soft-deletes a lead in the caller's scope (who and when are kept); it leaves lists and metrics.</summary>
public sealed record DeleteLeadCommand(Guid Id) : ICommand;

public sealed class DeleteLeadCommandHandler(ILeadStore leads, ICurrentUser caller, TimeProvider clock) : ICommandHandler<DeleteLeadCommand>
{
    public async ValueTask<Unit> Handle(DeleteLeadCommand command, CancellationToken cancellationToken)
    {
        var lead = await leads.FindInScopeAsync(caller, command.Id, cancellationToken);
        return await leads.DeleteAsync(lead.Id, clock.Now(), caller.Id, cancellationToken)
            ? Unit.Value
            : throw new NotFoundException("lead");
    }
}
