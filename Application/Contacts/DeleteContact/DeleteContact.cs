using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Contacts.DeleteContact;

/// <summary>Soft-deletes a contact (who and when are kept).</summary>
public sealed record DeleteContactCommand(Guid Id) : ICommand;

public sealed class DeleteContactCommandHandler(IContactStore contacts, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<DeleteContactCommand>
{
    public async ValueTask<Unit> Handle(DeleteContactCommand command, CancellationToken cancellationToken)
    {
        var contact = await contacts.FindLiveAsync(command.Id, cancellationToken);
        RecordPermissions.EnsureMayEditShared(caller, contact.OwnerId, contact.OwnerTeamId, "contact");
        return await contacts.DeleteAsync(contact.Id, clock.Now(), caller.Id, cancellationToken)
            ? Unit.Value
            : throw new NotFoundException("contact");
    }
}
