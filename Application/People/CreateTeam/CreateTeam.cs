using Mediator;
using SalesCrm.Domain.Common;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.People.CreateTeam;

public sealed record CreateTeamCommand(string Name) : ICommand<TeamDto>;

public sealed class CreateTeamCommandHandler(ITeamStore teams, TimeProvider clock) : ICommandHandler<CreateTeamCommand, TeamDto>
{
    public async ValueTask<TeamDto> Handle(CreateTeamCommand command, CancellationToken cancellationToken)
    {
        var team = new TeamDto(Ids.New(), command.Name.Trim(), clock.Now(), 1);
        await teams.InsertAsync(team, cancellationToken);
        return team;
    }
}

public sealed class CreateTeamCommandValidator : FluentValidation.AbstractValidator<CreateTeamCommand>
{
    public CreateTeamCommandValidator() => RuleFor(x => x.Name).TeamName();
}
