using Mediator;
using SalesCrm.Application.People;

namespace SalesCrm.Application.Surveys.ListSurveys;

/// <summary>
/// The surveys of one audience, newest first, whatever their state, so whoever sets surveys up can see what is planned,
/// running and done. Without <c>team</c>: the organisation-wide surveys for admins, the manager's own team for managers.
/// </summary>
public sealed record ListSurveysQuery(Guid? TeamId = null) : IQuery<IReadOnlyList<ListedSurveyDto>>;

public sealed class ListSurveysQueryHandler(ManagedTeam team, SurveyAccess access, ISurveyStore surveys) : IQueryHandler<ListSurveysQuery, IReadOnlyList<ListedSurveyDto>>
{
    public async ValueTask<IReadOnlyList<ListedSurveyDto>> Handle(ListSurveysQuery query, CancellationToken cancellationToken)
    {
        var teamId = await team.ToReadAsync(query.TeamId, cancellationToken);
        var today = await access.TodayAsync(cancellationToken);
        return [.. (await surveys.ListAsync(teamId, cancellationToken)).Select(s => ListedSurveyDto.Of(s, today))];
    }
}
