namespace SalesCrm.Application.Auth;

/// <summary>
/// Refresh tokens in families: each sign-in starts a family, each refresh rotates to a new token in it,
/// and presenting a token already used revokes the whole family (the token was stolen or replayed).
/// </summary>
public interface IRefreshTokenStore
{
    Task InsertAsync(RefreshTokenRecord token, CancellationToken cancellationToken);

    Task<RefreshTokenRecord?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Marks the token used if nobody used it first; false when it was already used or revoked.</summary>
    Task<bool> TryMarkUsedAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    Task RevokeFamilyAsync(Guid familyId, DateTimeOffset at, CancellationToken cancellationToken);

    Task RevokeAllForUserAsync(Guid userId, DateTimeOffset at, CancellationToken cancellationToken);
}

public sealed class RefreshTokenRecord
{
    public Guid Id { get; init; }

    public Guid FamilyId { get; init; }

    public Guid UserId { get; init; }

    public required string TokenHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}
