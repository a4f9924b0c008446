using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Accounts.RestoreAccount;

/// <summary>Brings a deleted account back: the owner's manager or an admin. Restoring a live account changes nothing.</summary>
public sealed record RestoreAccountCommand(Guid Id) : ICommand<AccountDto>;

public sealed class RestoreAccountCommandHandler(IAccountStore accounts, ICurrentUser caller)
    : ICommandHandler<RestoreAccountCommand, AccountDto>
{
    public async ValueTask<AccountDto> Handle(RestoreAccountCommand command, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("account");
        RecordPermissions.EnsureMayRestore(caller, account.OwnerId, account.OwnerTeamId);
        if (account.DeletedAt is not null)
        {
            await accounts.RestoreAsync(account.Id, cancellationToken);
        }

        return (await accounts.FindAsync(account.Id, cancellationToken) ?? throw new NotFoundException("account")).ToDto();
    }
}
