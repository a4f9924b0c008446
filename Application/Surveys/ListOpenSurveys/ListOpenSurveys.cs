using Mediator;
using SalesCrm.Application.Common.Abstractions;

namespace SalesCrm.Application.Surveys.ListOpenSurveys;

/// <summary>The surveys the caller may answer today (organisation-wide and their current team's), and whether they already did.</summary>
public sealed record ListOpenSurveysQuery : IQuery<IReadOnlyList<OpenSurveyDto>>;

public sealed class ListOpenSurveysQueryHandler(SurveyAccess access, ISurveyStore surveys, ICurrentUser caller)
    : IQueryHandler<ListOpenSurveysQuery, IReadOnlyList<OpenSurveyDto>>
{
    public async ValueTask<IReadOnlyList<OpenSurveyDto>> Handle(ListOpenSurveysQuery query, CancellationToken cancellationToken) =>
        await surveys.OpenAsync(caller.Id, await access.CurrentTeamAsync(cancellationToken), await access.TodayAsync(cancellationToken), cancellationToken);
}
