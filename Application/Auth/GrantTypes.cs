namespace SalesCrm.Application.Auth;

/// <summary>The ways to obtain a token, named on the wire as in OAuth 2.0 (<c>password</c>, <c>refresh_token</c>, <c>client_credentials</c>).</summary>
public enum GrantType
{
    Password,
    RefreshToken,
    ClientCredentials,
}
