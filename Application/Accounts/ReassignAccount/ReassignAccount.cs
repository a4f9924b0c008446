using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Accounts.ReassignAccount;

/// <summary>
/// Gives an account a new owner: managers (for accounts their team owns, to people of their team), admins and
/// integration clients; guarded by the account's version.
/// </summary>
public sealed record ReassignAccountCommand(Guid Id, int? ExpectedVersion, Guid OwnerId) : ICommand<AccountDto>;

public sealed class ReassignAccountCommandHandler(IAccountStore accounts, OwnerAssignment owners, ICurrentUser caller)
    : ICommandHandler<ReassignAccountCommand, AccountDto>
{
    public async ValueTask<AccountDto> Handle(ReassignAccountCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var account = await accounts.FindLiveAsync(command.Id, cancellationToken);
        RecordPermissions.EnsureMayReassign(caller);
        RecordPermissions.EnsureMayEditShared(caller, account.OwnerId, account.OwnerTeamId, "account");
        var owner = await owners.ResolveAsync(command.OwnerId, cancellationToken);

        Versions.EnsureWritten(await accounts.SetOwnerAsync(account.Id, owner.UserId, expectedVersion, cancellationToken));
        return (account with { OwnerId = owner.UserId, OwnerTeamId = owner.TeamId, Version = expectedVersion + 1 }).ToDto();
    }
}
