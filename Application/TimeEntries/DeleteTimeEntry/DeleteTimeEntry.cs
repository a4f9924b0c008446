using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.TimeEntries.DeleteTimeEntry;

/// <summary>Removes a time entry logged by mistake (soft): it leaves lists and the selling-time metric.</summary>
public sealed record DeleteTimeEntryCommand(Guid Id) : ICommand;

public sealed class DeleteTimeEntryCommandHandler(ICurrentUser caller, ITimeEntryStore entries, TimeProvider clock)
    : ICommandHandler<DeleteTimeEntryCommand>
{
    public async ValueTask<Unit> Handle(DeleteTimeEntryCommand command, CancellationToken cancellationToken)
    {
        var entry = await entries.FindAsync(command.Id, OwnerScope.For(caller), cancellationToken) ?? throw new NotFoundException("time entry");
        await entries.DeleteAsync(entry.Id, caller.Id, clock.Now(), cancellationToken);
        return Unit.Value;
    }
}
