using Mediator;
using SalesCrm.Application.Auth;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.People.SetUserActive;

/// <summary>
/// Deactivates or reactivates a person. Deactivation revokes their sessions at once; their records stay
/// (metrics keep counting the work they did).
/// </summary>
public sealed record SetUserActiveCommand(Guid Id, bool IsActive) : ICommand<UserDto>;

public sealed class SetUserActiveCommandHandler(
    Common.Abstractions.ICurrentUser caller,
    IUserStore users,
    IRefreshTokenStore refreshTokens,
    IAccessCache accessCache,
    TimeProvider clock) : ICommandHandler<SetUserActiveCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(SetUserActiveCommand command, CancellationToken cancellationToken)
    {
        if (!command.IsActive && command.Id == caller.Id)
        {
            // An organisation must never lock out the admin doing the locking (possibly its last one).
            throw new ConflictException("You cannot deactivate your own account; ask another admin.");
        }

        // Retries on a concurrent edit: activation does not depend on the fields another writer changes.
        for (var attempt = 0; ; attempt++)
        {
            var user = await users.FindByIdAsync(command.Id, cancellationToken) ?? throw new NotFoundException("user");
            var updated = user with { IsActive = command.IsActive, Version = user.Version + 1 };
            if (await users.UpdateAsync(updated, user.Version, cancellationToken))
            {
                if (!command.IsActive)
                {
                    await refreshTokens.RevokeAllForUserAsync(user.Id, clock.GetUtcNow(), cancellationToken);
                }

                accessCache.Invalidate(user.Id);
                return updated.ToDto();
            }

            Versions.EnsureWritten(attempt < 3);
        }
    }
}
