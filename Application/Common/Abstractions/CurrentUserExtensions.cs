using SalesCrm.Domain.People;

namespace SalesCrm.Application.Common.Abstractions;

public static class CurrentUserExtensions
{
    public static bool IsAdmin(this ICurrentUser user) => user.Role == Role.Admin;

    public static bool IsManager(this ICurrentUser user) => user.Role == Role.Manager;

    public static bool HasScope(this ICurrentUser user, string scope) =>
        user.IsIntegrationClient && user.Scopes.Contains(scope);

    /// <summary>Whether the caller may see records owned by <paramref name="ownerId"/> in <paramref name="ownerTeamId"/>.</summary>
    public static bool CanSeeOwner(this ICurrentUser user, Guid ownerId, Guid? ownerTeamId) => user.Role switch
    {
        Role.Admin => true,
        Role.Manager => ownerId == user.Id || (ownerTeamId is not null && ownerTeamId == user.TeamId),
        Role.Rep => ownerId == user.Id,
        _ => false,
    };
}
