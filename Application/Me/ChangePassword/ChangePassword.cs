using Mediator;
using SalesCrm.Application.Auth;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.People;

namespace SalesCrm.Application.Me.ChangePassword;

/// <summary>Replaces the caller's password and signs out every other session they had.</summary>
public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : ICommand;

public sealed class ChangePasswordCommandHandler(
    ICurrentUser currentUser,
    IUserStore users,
    IPasswordHasher passwordHasher,
    IRefreshTokenStore refreshTokens,
    TimeProvider clock) : ICommandHandler<ChangePasswordCommand>
{
    public async ValueTask<Unit> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(currentUser.Id, cancellationToken) ?? throw new NotFoundException("user");
        if (!passwordHasher.Verify(user.PasswordHash, command.CurrentPassword))
        {
            throw RequestValidationException.For("currentPassword", "The current password is incorrect.");
        }

        await users.SetPasswordHashAsync(user.Id, passwordHasher.Hash(command.NewPassword), cancellationToken);
        await refreshTokens.RevokeAllForUserAsync(user.Id, clock.GetUtcNow(), cancellationToken);
        return Unit.Value;
    }
}
