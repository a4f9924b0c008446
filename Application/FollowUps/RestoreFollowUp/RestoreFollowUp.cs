using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.FollowUps.RestoreFollowUp;

/// <summary>Brings a deleted follow-up back; only the owner's manager or an admin may (reps and integrations get 403).</summary>
public sealed record RestoreFollowUpCommand(Guid Id) : ICommand<FollowUpDto>;

public sealed class RestoreFollowUpCommandHandler(ICurrentUser caller, IFollowUpStore store, TimeProvider clock)
    : ICommandHandler<RestoreFollowUpCommand, FollowUpDto>
{
    public async ValueTask<FollowUpDto> Handle(RestoreFollowUpCommand command, CancellationToken cancellationToken)
    {
        var stored = await store.FindAnyAsync(command.Id, cancellationToken);
        if (stored is not { } found || !OwnerScope.For(caller).Covers(found.FollowUp.OwnerId, found.OwnerTeamId))
        {
            throw new NotFoundException("follow-up");
        }

        RecordPermissions.EnsureMayRestore(caller, found.FollowUp.OwnerId, found.OwnerTeamId);
        if (found.DeletedAt is not null)
        {
            await store.RestoreAsync(command.Id, cancellationToken);
        }

        return (await store.FindAnyAsync(command.Id, cancellationToken))!.Value.FollowUp.ToDto(clock.GetUtcNow());
    }
}
