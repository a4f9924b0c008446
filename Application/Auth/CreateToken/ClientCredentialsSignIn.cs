using System.Security.Cryptography;
using System.Text;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Integrations;

namespace SalesCrm.Application.Auth.CreateToken;

/// <summary>An integration client trades its id and secret for an access token carrying its scopes; no refresh token.</summary>
public sealed class ClientCredentialsSignIn(
    IIntegrationClientStore clients,
    ISecretGenerator secrets,
    ITokenIssuer tokenIssuer)
{
    public async ValueTask<TokenResponse> SignInAsync(string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        var client = await clients.FindByClientIdAsync(clientId, cancellationToken);
        var presentedHash = Encoding.UTF8.GetBytes(secrets.Hash(clientSecret));
        var storedHash = Encoding.UTF8.GetBytes(client?.SecretHash ?? string.Empty);
        if (client is null || client.RevokedAt is not null
            || !CryptographicOperations.FixedTimeEquals(presentedHash, storedHash))
        {
            throw new InvalidCredentialsException("The client id or secret is incorrect, or the client was revoked.");
        }

        var access = tokenIssuer.IssueForClient(client.Id, client.ClientId, client.Scopes);
        return new TokenResponse(access.Token, "Bearer", access.ExpiresInSeconds, RefreshToken: null);
    }
}
