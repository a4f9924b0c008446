using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Contacts.ReassignContact;

/// <summary>Gives a contact a new owner, under the same rules as accounts; guarded by the contact's version.</summary>
public sealed record ReassignContactCommand(Guid Id, int? ExpectedVersion, Guid OwnerId) : ICommand<ContactDto>;

public sealed class ReassignContactCommandHandler(IContactStore contacts, OwnerAssignment owners, ICurrentUser caller)
    : ICommandHandler<ReassignContactCommand, ContactDto>
{
    public async ValueTask<ContactDto> Handle(ReassignContactCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var contact = await contacts.FindLiveAsync(command.Id, cancellationToken);
        RecordPermissions.EnsureMayReassign(caller);
        RecordPermissions.EnsureMayEditShared(caller, contact.OwnerId, contact.OwnerTeamId, "contact");
        var owner = await owners.ResolveAsync(command.OwnerId, cancellationToken);

        Versions.EnsureWritten(await contacts.SetOwnerAsync(contact.Id, owner.UserId, expectedVersion, cancellationToken));
        return (contact with { OwnerId = owner.UserId, OwnerTeamId = owner.TeamId, Version = expectedVersion + 1 }).ToDto();
    }
}
