using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.People;

/// <summary>
/// The team a team-level report (commission earnings, survey lists and trends) is read for: the one asked for — any
/// existing team for admins, only their own for managers — or, when none is asked for, the whole organisation (null) for
/// admins and their own team for managers. Anything else is 404 (<c>team</c>).
/// </summary>
public sealed class ManagedTeam(ICurrentUser caller, ITeamStore teams)
{
    public async Task<Guid?> ToReadAsync(Guid? teamId, CancellationToken cancellationToken)
    {
        if (teamId is null)
        {
            return caller.Role == Role.Admin ? null : caller.TeamId ?? throw new NotFoundException("team");
        }

        var exists = await teams.FindAsync(teamId.Value, cancellationToken) is not null;
        return exists && (caller.Role == Role.Admin || teamId == caller.TeamId) ? teamId : throw new NotFoundException("team");
    }
}
