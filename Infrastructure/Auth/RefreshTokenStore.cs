using SalesCrm.Application.Auth;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Auth;

public sealed class RefreshTokenStore(IDbConnectionFactory connections) : SqlStore(connections), IRefreshTokenStore
{
    public static readonly Sql Insert = new("""
        INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at)
        VALUES (@Id, @FamilyId, @UserId, @TokenHash, @CreatedAt, @ExpiresAt)
        """);

    public static readonly Sql FindByHash = new("""
        SELECT id AS Id, family_id AS FamilyId, user_id AS UserId, token_hash AS TokenHash, created_at AS CreatedAt,
               expires_at AS ExpiresAt, used_at AS UsedAt, revoked_at AS RevokedAt
        FROM refresh_tokens WHERE token_hash = @TokenHash
        """);

    public static readonly Sql MarkUsed = new(
        "UPDATE refresh_tokens SET used_at = @At WHERE id = @Id AND used_at IS NULL AND revoked_at IS NULL");

    public static readonly Sql RevokeFamily = new(
        "UPDATE refresh_tokens SET revoked_at = @At WHERE family_id = @FamilyId AND revoked_at IS NULL");

    public static readonly Sql RevokeForUser = new(
        "UPDATE refresh_tokens SET revoked_at = @At WHERE user_id = @UserId AND revoked_at IS NULL");

    public Task InsertAsync(RefreshTokenRecord token, CancellationToken cancellationToken) =>
        ExecuteAsync(Insert, token, cancellationToken);

    public Task<RefreshTokenRecord?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        QuerySingleOrDefaultAsync<RefreshTokenRecord>(FindByHash, new { TokenHash = tokenHash }, cancellationToken);

    public async Task<bool> TryMarkUsedAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync(MarkUsed, new { Id = id, At = at }, cancellationToken) == 1;

    public Task RevokeFamilyAsync(Guid familyId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(RevokeFamily, new { FamilyId = familyId, At = at }, cancellationToken);

    public Task RevokeAllForUserAsync(Guid userId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(RevokeForUser, new { UserId = userId, At = at }, cancellationToken);
}
