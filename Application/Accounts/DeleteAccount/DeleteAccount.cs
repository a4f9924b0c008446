using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Accounts.DeleteAccount;

/// <summary>Soft-deletes an account (who and when are kept); its contacts and opportunities stay as they are.</summary>
public sealed record DeleteAccountCommand(Guid Id) : ICommand;

public sealed class DeleteAccountCommandHandler(IAccountStore accounts, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<DeleteAccountCommand>
{
    public async ValueTask<Unit> Handle(DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        var account = await accounts.FindLiveAsync(command.Id, cancellationToken);
        RecordPermissions.EnsureMayEditShared(caller, account.OwnerId, account.OwnerTeamId, "account");
        return await accounts.DeleteAsync(account.Id, clock.Now(), caller.Id, cancellationToken)
            ? Unit.Value
            : throw new NotFoundException("account");
    }
}
