using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Validation;

namespace SalesCrm.Application.People.ListTeams;

/// <summary>Teams are organisation-wide names, readable by every signed-in person (pickers, dashboards).</summary>
public sealed record ListTeamsQuery(int? Limit, string? Cursor) : IQuery<Page<TeamDto>>, IPageRequest;

public sealed class ListTeamsQueryHandler(ITeamStore teams) : IQueryHandler<ListTeamsQuery, Page<TeamDto>>
{
    public async ValueTask<Page<TeamDto>> Handle(ListTeamsQuery query, CancellationToken cancellationToken) =>
        await teams.ListAsync(query.LimitOrDefault(), KeysetCursor.Decode(query.Cursor)?.Id, cancellationToken);
}

public sealed class ListTeamsQueryValidator : AbstractValidator<ListTeamsQuery>
{
    public ListTeamsQueryValidator() => this.AddPageRules();
}
