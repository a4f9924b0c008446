using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.Common.Records;

/// <summary>
/// Whose records a caller may read and write: everyone's (admins, integration clients), their team's and their own
/// (managers), or only their own (reps). Stores turn it into one SQL filter; anything outside it answers 404.
/// </summary>
public sealed record OwnerScope(bool All, Guid? UserId, Guid? TeamId)
{
    public static OwnerScope For(ICurrentUser caller) => caller.IsIntegrationClient || caller.Role == Role.Admin
        ? new OwnerScope(true, null, null)
        : new OwnerScope(false, caller.Id, caller.Role == Role.Manager ? caller.TeamId : null);

    public bool Covers(Guid ownerId, Guid? ownerTeamId) =>
        All || ownerId == UserId || (TeamId is not null && ownerTeamId == TeamId);
}
