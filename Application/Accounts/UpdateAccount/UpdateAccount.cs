using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Accounts.UpdateAccount;

/// <summary>Changes an account's name, domain and industry (never its owner); guarded by its version.</summary>
public sealed record UpdateAccountCommand(Guid Id, int? ExpectedVersion, string Name, string? Domain, string? Industry)
    : ICommand<AccountDto>;

public sealed class UpdateAccountCommandHandler(IAccountStore accounts, ICurrentUser caller)
    : ICommandHandler<UpdateAccountCommand, AccountDto>
{
    public async ValueTask<AccountDto> Handle(UpdateAccountCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var account = await accounts.FindLiveAsync(command.Id, cancellationToken);
        RecordPermissions.EnsureMayEditShared(caller, account.OwnerId, account.OwnerTeamId, "account");

        var updated = account with
        {
            Name = command.Name.Trim(),
            Domain = RecordText.Optional(command.Domain),
            Industry = RecordText.Optional(command.Industry),
            Version = expectedVersion + 1,
        };
        Versions.EnsureWritten(await accounts.UpdateAsync(updated, expectedVersion, cancellationToken));
        return updated.ToDto();
    }
}
