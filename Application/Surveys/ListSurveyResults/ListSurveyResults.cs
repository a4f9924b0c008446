using Mediator;
using SalesCrm.Application.People;

namespace SalesCrm.Application.Surveys.ListSurveyResults;

/// <summary>
/// The eNPS trend of one audience: its closed surveys by closing date, each with its results (withheld below five
/// answers). Without <c>team</c>: the organisation-wide surveys for admins, the manager's own team for managers.
/// </summary>
public sealed record ListSurveyResultsQuery(Guid? TeamId = null) : IQuery<IReadOnlyList<SurveyResults>>;

public sealed class ListSurveyResultsQueryHandler(ManagedTeam team, SurveyAccess access, ISurveyStore surveys)
    : IQueryHandler<ListSurveyResultsQuery, IReadOnlyList<SurveyResults>>
{
    public async ValueTask<IReadOnlyList<SurveyResults>> Handle(ListSurveyResultsQuery query, CancellationToken cancellationToken)
    {
        var teamId = await team.ToReadAsync(query.TeamId, cancellationToken);
        var today = await access.TodayAsync(cancellationToken);
        return [.. (await surveys.ClosedAsync(teamId, today, cancellationToken)).Select(s => SurveyResults.Of(s.Survey, s.Tally, today))];
    }
}
