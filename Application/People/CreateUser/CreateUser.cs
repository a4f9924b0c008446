using Mediator;
using SalesCrm.Application.Auth;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.People;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.People.CreateUser;

/// <summary>An admin adds a person with a role, a team (required for managers), an initial password and optionally their start date.</summary>
public sealed record CreateUserCommand(string Email, string DisplayName, Role Role, string Password, Guid? TeamId = null, DateOnly? StartedOn = null)
    : ICommand<UserDto>;

public sealed class CreateUserCommandHandler(
    IUserStore users,
    ITeamStore teams,
    IPasswordHasher passwordHasher,
    TimeProvider clock) : ICommandHandler<CreateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        await TeamReference.EnsureExistsAsync(teams, command.TeamId, cancellationToken);
        var user = new UserRecord
        {
            Id = Ids.New(),
            Email = UserRules.NormaliseEmail(command.Email),
            DisplayName = command.DisplayName.Trim(),
            Role = command.Role,
            TeamId = command.TeamId,
            PasswordHash = passwordHasher.Hash(command.Password),
            IsActive = true,
            CreatedAt = clock.Now(),
            StartedOn = command.StartedOn,
            Version = 1,
        };
        await users.InsertAsync(user, cancellationToken);
        return user.ToDto();
    }
}

/// <summary>A team id sent in a body must name an existing team; a wrong one is a field error, not a 404.</summary>
public static class TeamReference
{
    public static async Task EnsureExistsAsync(ITeamStore teams, Guid? teamId, CancellationToken cancellationToken)
    {
        if (teamId is { } id && await teams.FindAsync(id, cancellationToken) is null)
        {
            throw RequestValidationException.For("teamId", "No team has this id.");
        }
    }
}
