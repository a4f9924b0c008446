using Mediator;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.People.GetTeam;

public sealed record GetTeamQuery(Guid Id) : IQuery<TeamDto>;

public sealed class GetTeamQueryHandler(ITeamStore teams) : IQueryHandler<GetTeamQuery, TeamDto>
{
    public async ValueTask<TeamDto> Handle(GetTeamQuery query, CancellationToken cancellationToken) =>
        await teams.FindAsync(query.Id, cancellationToken) ?? throw new NotFoundException("team");
}
