using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.People;

namespace SalesCrm.Application.Common.Records;

/// <summary>
/// Who will own a new or reassigned record. People default to themselves; integrations must name an owner.
/// The owner must be an active user inside the caller's scope (a rep can only own things themself).
/// </summary>
public sealed class OwnerAssignment(ICurrentUser caller, IAccessCache access)
{
    public async Task<UserAccess> ResolveAsync(Guid? requestedOwnerId, CancellationToken cancellationToken, string field = "ownerId")
    {
        if (requestedOwnerId is null && caller.IsIntegrationClient)
        {
            throw RequestValidationException.For(field, "Integrations must say which user owns the record.");
        }

        var ownerId = requestedOwnerId ?? caller.Id;
        var owner = await access.GetUserAsync(ownerId, cancellationToken);
        if (owner is not { IsActive: true } || !OwnerScope.For(caller).Covers(owner.UserId, owner.TeamId))
        {
            throw RequestValidationException.For(field, "No active user with this id is in your scope.");
        }

        return owner;
    }
}
