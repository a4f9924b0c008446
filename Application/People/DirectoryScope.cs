using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.People;

/// <summary>Which people a caller may look up: everyone for admins and directory integrations, a manager's own team, a rep themself.</summary>
public static class DirectoryScope
{
    public static bool CanSee(ICurrentUser caller, Guid userId, Guid? teamId) =>
        caller.HasScope(IntegrationScopes.DirectoryRead) || caller.CanSeeOwner(userId, teamId);

    /// <summary>The team a list is forced to, or null for no restriction.</summary>
    public static Guid? ForcedTeam(ICurrentUser caller, Guid? requestedTeam) =>
        caller.IsManager() ? caller.TeamId ?? Guid.Empty : requestedTeam;
}
