using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.FollowUps.DeleteFollowUp;

/// <summary>Archives a follow-up entered by mistake (cancelling is for plans that changed): it leaves lists and metrics.</summary>
public sealed record DeleteFollowUpCommand(Guid Id) : ICommand<Unit>;

public sealed class DeleteFollowUpCommandHandler(ICurrentUser caller, IFollowUpStore store, TimeProvider clock)
    : ICommandHandler<DeleteFollowUpCommand, Unit>
{
    public async ValueTask<Unit> Handle(DeleteFollowUpCommand command, CancellationToken cancellationToken)
    {
        _ = await store.FindAsync(command.Id, OwnerScope.For(caller), cancellationToken) ?? throw new NotFoundException("follow-up");
        await store.SoftDeleteAsync(command.Id, caller.Id, clock.Now(), cancellationToken);
        return Unit.Value;
    }
}
