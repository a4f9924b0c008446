using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.People;

namespace SalesCrm.Application.Auth.CreateToken;

/// <summary>
/// Trades a refresh token for a new pair. Each token works once: presenting one a second time means it
/// leaked, so the whole family is revoked and the person must sign in again.
/// </summary>
public sealed class RefreshTokenRotation(
    IRefreshTokenStore refreshTokens,
    IUserStore users,
    ISecretGenerator secrets,
    SessionIssuer sessions,
    TimeProvider clock)
{
    public async ValueTask<TokenResponse> RotateAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = await refreshTokens.FindByHashAsync(secrets.Hash(refreshToken), cancellationToken);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            throw Invalid();
        }

        if (token.UsedAt is not null || !await refreshTokens.TryMarkUsedAsync(token.Id, now, cancellationToken))
        {
            await refreshTokens.RevokeFamilyAsync(token.FamilyId, now, cancellationToken);
            throw new InvalidCredentialsException("The refresh token was already used; the session has been revoked.");
        }

        var user = await users.FindByIdAsync(token.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            await refreshTokens.RevokeFamilyAsync(token.FamilyId, now, cancellationToken);
            throw Invalid();
        }

        return await sessions.IssueAsync(user, token.FamilyId, cancellationToken);
    }

    private static InvalidCredentialsException Invalid() =>
        new("The refresh token is invalid, expired or revoked.");
}
