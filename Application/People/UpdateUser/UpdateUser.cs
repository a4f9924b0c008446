using Mediator;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.People.CreateUser;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.People.UpdateUser;

/// <summary>An admin changes a person's name, role, team or start date (kept when not sent); guarded by the user's version.</summary>
public sealed record UpdateUserCommand(Guid Id, int? ExpectedVersion, string DisplayName, Role Role, Guid? TeamId, DateOnly? StartedOn = null)
    : ICommand<UserDto>;

public sealed class UpdateUserCommandHandler(IUserStore users, ITeamStore teams, IAccessCache accessCache)
    : ICommandHandler<UpdateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var user = await users.FindByIdAsync(command.Id, cancellationToken) ?? throw new NotFoundException("user");
        await TeamReference.EnsureExistsAsync(teams, command.TeamId, cancellationToken);

        var updated = user with
        {
            DisplayName = command.DisplayName.Trim(),
            Role = command.Role,
            TeamId = command.TeamId,
            StartedOn = command.StartedOn ?? user.StartedOn,
            Version = expectedVersion + 1,
        };
        Versions.EnsureWritten(await users.UpdateAsync(updated, expectedVersion, cancellationToken));
        accessCache.Invalidate(user.Id);
        return updated.ToDto();
    }
}
