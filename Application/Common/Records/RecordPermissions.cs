using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.Common.Records;

/// <summary>
/// The operations that go beyond an ordinary write of a record in the caller's scope. Callers first check the record
/// is in scope (404 otherwise); these rules then answer 403.
/// </summary>
public static class RecordPermissions
{
    /// <summary>
    /// Changing a shared directory record (account, contact): everyone may read it, but only the owner, the owner's manager,
    /// admins and integration clients may change it; others get 403 (not 404, since they can see it).
    /// </summary>
    public static void EnsureMayEditShared(ICurrentUser caller, Guid ownerId, Guid? ownerTeamId, string record)
    {
        if (!OwnerScope.For(caller).Covers(ownerId, ownerTeamId))
        {
            throw new ForbiddenException($"Only the owner of this {record}, their manager or an admin can change it.");
        }
    }

    /// <summary>Reassigning an owner: managers (within their team), admins and integration clients; never reps.</summary>
    public static void EnsureMayReassign(ICurrentUser caller)
    {
        if (!caller.IsIntegrationClient && !caller.IsAdmin() && !caller.IsManager())
        {
            throw new ForbiddenException("Only a manager or an admin can reassign a record.");
        }
    }

    /// <summary>Restoring a deleted record: an admin, or the manager of the owner's team. Reps and integrations cannot.</summary>
    public static void EnsureMayRestore(ICurrentUser caller, Guid ownerId, Guid? ownerTeamId)
    {
        if (!caller.IsAdmin() && !(caller.IsManager() && OwnerScope.For(caller).Covers(ownerId, ownerTeamId)))
        {
            throw new ForbiddenException("Only the owner's manager or an admin can restore a deleted record.");
        }
    }
}
