using SalesCrm.Domain.People;

namespace SalesCrm.Application.People;

/// <summary>
/// What a bearer token's subject may do right now. Role, team and active flag (and a client's revocation) are read
/// from the store, briefly cached, rather than trusted from token claims, so deactivating a user, changing their
/// role or revoking a client takes effect at once instead of when the access token expires.
/// </summary>
public interface IAccessCache
{
    ValueTask<UserAccess?> GetUserAsync(Guid userId, CancellationToken cancellationToken);

    ValueTask<bool> IsClientActiveAsync(Guid clientRecordId, CancellationToken cancellationToken);

    void Invalidate(Guid subjectId);
}

public sealed record UserAccess(Guid UserId, Role Role, Guid? TeamId, bool IsActive);
