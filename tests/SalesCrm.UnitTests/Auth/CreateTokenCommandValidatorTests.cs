using SalesCrm.Application.Auth;
using SalesCrm.Application.Auth.CreateToken;
using SalesCrm.UnitTests.Common;

namespace SalesCrm.UnitTests.Auth;

public sealed class CreateTokenCommandValidatorTests
{
    private static readonly CreateTokenCommandValidator Validator = new();

    [Fact]
    public void A_password_grant_needs_only_email_and_password()
    {
        Assert.Empty(InvalidFields.Of(Validator, new CreateTokenCommand(GrantType.Password, Email: "ana@example.com", Password: "secret")));
    }

    [Fact]
    public void A_password_grant_without_email_fails_on_email()
    {
        Assert.Equal(["email"], InvalidFields.Of(Validator, new CreateTokenCommand(GrantType.Password, Password: "secret")));
    }

    [Fact]
    public void A_refresh_token_grant_without_the_token_fails_on_refreshToken()
    {
        Assert.Equal(["refreshToken"], InvalidFields.Of(Validator, new CreateTokenCommand(GrantType.RefreshToken, Email: "ana@example.com")));
    }

    [Fact]
    public void A_client_credentials_grant_without_a_secret_fails_on_clientSecret()
    {
        Assert.Equal(["clientSecret"], InvalidFields.Of(Validator, new CreateTokenCommand(GrantType.ClientCredentials, ClientId: "scc_1")));
    }

    [Fact]
    public void An_unknown_grant_type_fails_on_grantType()
    {
        Assert.Equal(["grantType"], InvalidFields.Of(Validator, new CreateTokenCommand((GrantType)9)));
    }
}
