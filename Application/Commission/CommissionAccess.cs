using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.People;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.Commission;

/// <summary>
/// Pay is private: a rep's assignments and statements are read by the rep, the manager of their current team and admins,
/// nobody else (404, integrations are refused by policy). Plans are given by admins to anyone, by managers to their team.
/// </summary>
public sealed class CommissionAccess(ICurrentUser caller, IAccessCache access, ITeamStore teams)
{
    public async Task<UserAccess> RepToReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rep = await access.GetUserAsync(userId, cancellationToken);
        var visible = rep is not null && (rep.UserId == caller.Id || caller.Role == Role.Admin || IsTheirManager(rep));
        return visible ? rep! : throw new NotFoundException("user");
    }

    public async Task<UserAccess> RepToAssignAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rep = await access.GetUserAsync(userId, cancellationToken);
        return rep is { IsActive: true } && (caller.Role == Role.Admin || IsTheirManager(rep))
            ? rep
            : throw RequestValidationException.For("userId", "No active user with this id is in the team you manage.");
    }

    /// <summary>The team whose earnings the caller reads: the one asked for, else the organisation (admins) or their own team (managers).</summary>
    public async Task<Guid?> TeamToReadAsync(Guid? teamId, CancellationToken cancellationToken)
    {
        if (teamId is null)
        {
            return caller.Role == Role.Admin ? null : caller.TeamId ?? throw new NotFoundException("team");
        }

        var exists = await teams.FindAsync(teamId.Value, cancellationToken) is not null;
        return exists && (caller.Role == Role.Admin || teamId == caller.TeamId) ? teamId : throw new NotFoundException("team");
    }

    private bool IsTheirManager(UserAccess rep) =>
        caller.Role == Role.Manager && rep.TeamId is not null && rep.TeamId == caller.TeamId;
}
