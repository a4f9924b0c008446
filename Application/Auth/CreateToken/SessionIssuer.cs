using SalesCrm.Application.People;
using SalesCrm.Domain.Common;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Auth.CreateToken;

/// <summary>Issues the access token and the next refresh token of a person's session.</summary>
public sealed class SessionIssuer(
    ITokenIssuer tokenIssuer,
    IRefreshTokenStore refreshTokens,
    ISecretGenerator secrets,
    SignInPolicy policy,
    TimeProvider clock)
{
    public async ValueTask<TokenResponse> IssueAsync(UserRecord user, Guid familyId, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var refreshToken = secrets.NewSecret();
        await refreshTokens.InsertAsync(new RefreshTokenRecord
        {
            Id = Ids.New(),
            FamilyId = familyId,
            UserId = user.Id,
            TokenHash = secrets.Hash(refreshToken),
            CreatedAt = now,
            ExpiresAt = now + policy.RefreshTokenLifetime,
        }, cancellationToken);

        var access = tokenIssuer.IssueForUser(user.Id, user.Email);
        return new TokenResponse(access.Token, "Bearer", access.ExpiresInSeconds, refreshToken);
    }
}
