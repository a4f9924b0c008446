using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SalesCrm.Application.Auth;
using SalesCrm.Domain.Common;

namespace SalesCrm.Infrastructure.Auth;

/// <summary>Signs RS256 access tokens. People's tokens carry only who they are; role and team are looked up per request.</summary>
public sealed class JwtTokenIssuer(AuthOptions options, RsaSecurityKey signingKey, TimeProvider clock) : ITokenIssuer
{
    public const string ClientIdClaim = "client_id";
    public const string ScopeClaim = "scope";

    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials = new(signingKey, SecurityAlgorithms.RsaSha256);

    public AccessToken IssueForUser(Guid userId, string email) =>
        Issue([new(JwtRegisteredClaimNames.Sub, userId.ToString()), new(JwtRegisteredClaimNames.Email, email)]);

    public AccessToken IssueForClient(Guid clientRecordId, string clientId, IReadOnlyCollection<string> scopes) =>
        Issue([
            new(JwtRegisteredClaimNames.Sub, clientRecordId.ToString()),
            new(ClientIdClaim, clientId),
            new(ScopeClaim, string.Join(' ', scopes)),
        ]);

    private AccessToken Issue(Claim[] claims)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.AccessTokenLifetime,
            Subject = new ClaimsIdentity([.. claims, new Claim(JwtRegisteredClaimNames.Jti, Ids.New().ToString())]),
            SigningCredentials = _credentials,
        });
        return new AccessToken(token, (int)options.AccessTokenLifetime.TotalSeconds);
    }
}
