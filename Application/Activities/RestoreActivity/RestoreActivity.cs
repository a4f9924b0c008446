using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Activities.RestoreActivity;

/// <summary>Brings a deleted activity back; only the owner's manager or an admin may (reps and integrations get 403).</summary>
public sealed record RestoreActivityCommand(Guid Id) : ICommand<ActivityDto>;

public sealed class RestoreActivityCommandHandler(ICurrentUser caller, IActivityStore store)
    : ICommandHandler<RestoreActivityCommand, ActivityDto>
{
    public async ValueTask<ActivityDto> Handle(RestoreActivityCommand command, CancellationToken cancellationToken)
    {
        var stored = await store.FindAnyAsync(command.Id, cancellationToken);
        if (stored is null || !OwnerScope.For(caller).Covers(stored.Activity.OwnerId, stored.OwnerTeamId))
        {
            throw new NotFoundException("activity");
        }

        RecordPermissions.EnsureMayRestore(caller, stored.Activity.OwnerId, stored.OwnerTeamId);
        if (stored.DeletedAt is not null)
        {
            await store.RestoreAsync(command.Id, cancellationToken);
        }

        return (await store.FindAnyAsync(command.Id, cancellationToken))!.Activity;
    }
}
