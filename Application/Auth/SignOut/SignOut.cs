using Mediator;

namespace SalesCrm.Application.Auth.SignOut;

/// <summary>Ends a session: the refresh token's whole family is revoked. Unknown tokens are ignored, so nothing leaks.</summary>
public sealed record SignOutCommand(string RefreshToken) : ICommand;

public sealed class SignOutCommandHandler(
    IRefreshTokenStore refreshTokens,
    ISecretGenerator secrets,
    TimeProvider clock) : ICommandHandler<SignOutCommand>
{
    public async ValueTask<Unit> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        var token = await refreshTokens.FindByHashAsync(secrets.Hash(command.RefreshToken), cancellationToken);
        if (token is not null)
        {
            await refreshTokens.RevokeFamilyAsync(token.FamilyId, clock.GetUtcNow(), cancellationToken);
        }

        return Unit.Value;
    }
}
