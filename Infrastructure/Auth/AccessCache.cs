using Microsoft.Extensions.Caching.Memory;
using SalesCrm.Application.Integrations;
using SalesCrm.Application.People;

namespace SalesCrm.Infrastructure.Auth;

/// <summary>
/// Per-request access lookups cached for a few seconds: changes made through this process invalidate the entry at
/// once; changes made by another process (a second API instance) are seen within <see cref="Lifetime"/>.
/// </summary>
public sealed class AccessCache(IUserStore users, IIntegrationClientStore clients, IMemoryCache cache) : IAccessCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async ValueTask<UserAccess?> GetUserAsync(Guid userId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            var user = await users.FindByIdAsync(userId, cancellationToken);
            return user is null ? null : new UserAccess(user.Id, user.Role, user.TeamId, user.IsActive);
        });

    public async ValueTask<bool> IsClientActiveAsync(Guid clientRecordId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(Key(clientRecordId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            var client = await clients.FindAsync(clientRecordId, cancellationToken);
            return client is { RevokedAt: null };
        });

    public void Invalidate(Guid subjectId) => cache.Remove(Key(subjectId));

    private static string Key(Guid subjectId) => $"access:{subjectId}";
}
