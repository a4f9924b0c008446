using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Contacts.UpdateContact;

/// <summary>Changes a contact's account and details (never its owner); guarded by its version.</summary>
public sealed record UpdateContactCommand(
    Guid Id,
    int? ExpectedVersion,
    string FirstName,
    string LastName,
    Guid? AccountId,
    string? Email,
    string? Phone,
    string? Title) : ICommand<ContactDto>;

public sealed class UpdateContactCommandHandler(IContactStore contacts, RecordLinks links, ICurrentUser caller)
    : ICommandHandler<UpdateContactCommand, ContactDto>
{
    public async ValueTask<ContactDto> Handle(UpdateContactCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var contact = await contacts.FindLiveAsync(command.Id, cancellationToken);
        RecordPermissions.EnsureMayEditShared(caller, contact.OwnerId, contact.OwnerTeamId, "contact");
        if (command.AccountId != contact.AccountId)
        {
            await links.EnsureLinkableAsync(RecordKind.Account, command.AccountId, "accountId", cancellationToken);
        }

        var updated = contact with
        {
            AccountId = command.AccountId,
            FirstName = command.FirstName.Trim(),
            LastName = command.LastName.Trim(),
            Email = RecordText.Optional(command.Email),
            Phone = RecordText.Optional(command.Phone),
            Title = RecordText.Optional(command.Title),
            Version = expectedVersion + 1,
        };
        Versions.EnsureWritten(await contacts.UpdateAsync(updated, expectedVersion, cancellationToken));
        return updated.ToDto();
    }
}
