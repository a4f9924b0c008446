using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Common;

namespace SalesCrm.Application.Accounts.CreateAccount;

/// <summary>
/// Adds a company to the shared directory. The owner defaults to the caller (integrations name one); <c>occurredAt</c>
/// back-dates the creation for imports; a known <c>externalId</c> of this caller returns the existing account unchanged.
/// </summary>
public sealed record CreateAccountCommand(
    string Name,
    string? Domain = null,
    string? Industry = null,
    Guid? OwnerId = null,
    string? ExternalId = null,
    DateTimeOffset? OccurredAt = null) : ICommand<CreateOutcome<AccountDto>>;

public sealed class CreateAccountCommandHandler(
    IAccountStore accounts,
    OwnerAssignment owners,
    ICurrentUser caller,
    TimeProvider clock) : ICommandHandler<CreateAccountCommand, CreateOutcome<AccountDto>>
{
    public async ValueTask<CreateOutcome<AccountDto>> Handle(CreateAccountCommand command, CancellationToken cancellationToken)
    {
        var owner = await owners.ResolveAsync(command.OwnerId, cancellationToken);
        var externalId = ExternalIds.Normalise(command.ExternalId);
        var account = new AccountRecord
        {
            Id = Ids.New(),
            Name = command.Name.Trim(),
            Domain = RecordText.Optional(command.Domain),
            Industry = RecordText.Optional(command.Industry),
            OwnerId = owner.UserId,
            OwnerTeamId = owner.TeamId,
            CreatedAt = clock.OccurredOrNow(command.OccurredAt),
            CreatedBy = caller.Id,
            ExternalSource = ExternalIds.SourceFor(caller, externalId),
            ExternalId = externalId,
            Version = 1,
        };

        return await accounts.InsertOrFindAsync(
            account,
            account.ExternalSource,
            externalId,
            account.ToDto(),
            existing => existing.DeletedAt is null
                ? existing.ToDto()
                : throw new ConflictException("A deleted account has this externalId; restore it instead.", "externalId"),
            cancellationToken);
    }
}
