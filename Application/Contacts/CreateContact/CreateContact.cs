using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Common;

namespace SalesCrm.Application.Contacts.CreateContact;

/// <summary>
/// Adds a person to the shared directory, optionally at an account. Owner, <c>occurredAt</c> and <c>externalId</c>
/// behave as for accounts.
/// </summary>
public sealed record CreateContactCommand(
    string FirstName,
    string LastName,
    Guid? AccountId = null,
    string? Email = null,
    string? Phone = null,
    string? Title = null,
    Guid? OwnerId = null,
    string? ExternalId = null,
    DateTimeOffset? OccurredAt = null) : ICommand<CreateOutcome<ContactDto>>;

public sealed class CreateContactCommandHandler(
    IContactStore contacts,
    RecordLinks links,
    OwnerAssignment owners,
    ICurrentUser caller,
    TimeProvider clock) : ICommandHandler<CreateContactCommand, CreateOutcome<ContactDto>>
{
    public async ValueTask<CreateOutcome<ContactDto>> Handle(CreateContactCommand command, CancellationToken cancellationToken)
    {
        await links.EnsureLinkableAsync(RecordKind.Account, command.AccountId, "accountId", cancellationToken);
        var owner = await owners.ResolveAsync(command.OwnerId, cancellationToken);
        var externalId = ExternalIds.Normalise(command.ExternalId);
        var contact = new ContactRecord
        {
            Id = Ids.New(),
            AccountId = command.AccountId,
            FirstName = command.FirstName.Trim(),
            LastName = command.LastName.Trim(),
            Email = RecordText.Optional(command.Email),
            Phone = RecordText.Optional(command.Phone),
            Title = RecordText.Optional(command.Title),
            OwnerId = owner.UserId,
            OwnerTeamId = owner.TeamId,
            CreatedAt = clock.OccurredOrNow(command.OccurredAt),
            CreatedBy = caller.Id,
            ExternalSource = ExternalIds.SourceFor(caller, externalId),
            ExternalId = externalId,
            Version = 1,
        };

        return await contacts.InsertOrFindAsync(
            contact,
            contact.ExternalSource,
            externalId,
            contact.ToDto(),
            existing => existing.DeletedAt is null
                ? existing.ToDto()
                : throw new ConflictException("A deleted contact has this externalId; restore it instead.", "externalId"),
            cancellationToken);
    }
}
