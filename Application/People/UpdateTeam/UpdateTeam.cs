using Mediator;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.People.UpdateTeam;

public sealed record UpdateTeamCommand(Guid Id, int? ExpectedVersion, string Name) : ICommand<TeamDto>;

public sealed class UpdateTeamCommandHandler(ITeamStore teams) : ICommandHandler<UpdateTeamCommand, TeamDto>
{
    public async ValueTask<TeamDto> Handle(UpdateTeamCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var team = await teams.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("team");
        var name = command.Name.Trim();
        Versions.EnsureWritten(await teams.RenameAsync(team.Id, name, expectedVersion, cancellationToken));
        return team with { Name = name, Version = expectedVersion + 1 };
    }
}

public sealed class UpdateTeamCommandValidator : FluentValidation.AbstractValidator<UpdateTeamCommand>
{
    public UpdateTeamCommandValidator() => RuleFor(x => x.Name).TeamName();
}
