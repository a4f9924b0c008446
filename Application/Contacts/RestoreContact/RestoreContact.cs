using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Contacts.RestoreContact;

/// <summary>Brings a deleted contact back: the owner's manager or an admin. Restoring a live contact changes nothing.</summary>
public sealed record RestoreContactCommand(Guid Id) : ICommand<ContactDto>;

public sealed class RestoreContactCommandHandler(IContactStore contacts, ICurrentUser caller)
    : ICommandHandler<RestoreContactCommand, ContactDto>
{
    public async ValueTask<ContactDto> Handle(RestoreContactCommand command, CancellationToken cancellationToken)
    {
        var contact = await contacts.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("contact");
        RecordPermissions.EnsureMayRestore(caller, contact.OwnerId, contact.OwnerTeamId);
        if (contact.DeletedAt is not null)
        {
            await contacts.RestoreAsync(contact.Id, cancellationToken);
        }

        return (await contacts.FindAsync(contact.Id, cancellationToken) ?? throw new NotFoundException("contact")).ToDto();
    }
}
