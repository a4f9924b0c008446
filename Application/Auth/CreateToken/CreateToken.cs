using Mediator;

namespace SalesCrm.Application.Auth.CreateToken;

/// <summary>Exchanges credentials (password, refresh token or client secret) for an access token.</summary>
public sealed record CreateTokenCommand(
    GrantType GrantType,
    string? Email = null,
    string? Password = null,
    string? RefreshToken = null,
    string? ClientId = null,
    string? ClientSecret = null) : ICommand<TokenResponse>;

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string? RefreshToken);

public sealed class CreateTokenCommandHandler(
    PasswordSignIn passwordSignIn,
    RefreshTokenRotation refreshTokenRotation,
    ClientCredentialsSignIn clientCredentialsSignIn) : ICommandHandler<CreateTokenCommand, TokenResponse>
{
    public ValueTask<TokenResponse> Handle(CreateTokenCommand command, CancellationToken cancellationToken) =>
        command.GrantType switch
        {
            GrantType.Password => passwordSignIn.SignInAsync(command.Email!, command.Password!, cancellationToken),
            GrantType.RefreshToken => refreshTokenRotation.RotateAsync(command.RefreshToken!, cancellationToken),
            GrantType.ClientCredentials =>
                clientCredentialsSignIn.SignInAsync(command.ClientId!, command.ClientSecret!, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GrantType, "Unknown grant type."),
        };
}
