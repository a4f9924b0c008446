using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Leads.ReassignLead;

/// <summary>
/// Gives a lead a new owner: managers (for their team's leads, to people of their team), admins and integration
/// clients; reps cannot. Guarded by the lead's version.
/// </summary>
public sealed record ReassignLeadCommand(Guid Id, int? ExpectedVersion, Guid OwnerId) : ICommand<LeadDto>;

public sealed class ReassignLeadCommandHandler(ILeadStore leads, OwnerAssignment owners, ICurrentUser caller)
    : ICommandHandler<ReassignLeadCommand, LeadDto>
{
    public async ValueTask<LeadDto> Handle(ReassignLeadCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var lead = await leads.FindInScopeAsync(caller, command.Id, cancellationToken);
        RecordPermissions.EnsureMayReassign(caller);
        var owner = await owners.ResolveAsync(command.OwnerId, cancellationToken);

        Versions.EnsureWritten(await leads.SetOwnerAsync(lead.Id, owner.UserId, expectedVersion, cancellationToken));
        return (lead with { OwnerId = owner.UserId, OwnerTeamId = owner.TeamId, Version = expectedVersion + 1 }).ToDto();
    }
}
