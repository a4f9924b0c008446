using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Leads.RestoreLead;

/// <summary>Brings a deleted lead back: the owner's manager or an admin. Restoring a live lead changes nothing.</summary>
public sealed record RestoreLeadCommand(Guid Id) : ICommand<LeadDto>;

public sealed class RestoreLeadCommandHandler(ILeadStore leads, ICurrentUser caller) : ICommandHandler<RestoreLeadCommand, LeadDto>
{
    public async ValueTask<LeadDto> Handle(RestoreLeadCommand command, CancellationToken cancellationToken)
    {
        var lead = await leads.FindInScopeAsync(caller, command.Id, cancellationToken, includeDeleted: true);
        RecordPermissions.EnsureMayRestore(caller, lead.OwnerId, lead.OwnerTeamId);
        if (lead.DeletedAt is not null)
        {
            await leads.RestoreAsync(lead.Id, cancellationToken);
        }

        return (await leads.FindAsync(lead.Id, cancellationToken) ?? throw new NotFoundException("lead")).ToDto();
    }
}
