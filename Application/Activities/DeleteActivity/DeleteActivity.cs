using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Activities.DeleteActivity;

/// <summary>Archives an activity in the caller's scope: it leaves lists, timelines and metrics, and can be restored.</summary>
public sealed record DeleteActivityCommand(Guid Id) : ICommand<Unit>;

public sealed class DeleteActivityCommandHandler(ICurrentUser caller, IActivityStore store, TimeProvider clock)
    : ICommandHandler<DeleteActivityCommand, Unit>
{
    public async ValueTask<Unit> Handle(DeleteActivityCommand command, CancellationToken cancellationToken)
    {
        _ = await store.FindAsync(command.Id, OwnerScope.For(caller), cancellationToken) ?? throw new NotFoundException("activity");
        await store.SoftDeleteAsync(command.Id, caller.Id, clock.Now(), cancellationToken);
        return Unit.Value;
    }
}
