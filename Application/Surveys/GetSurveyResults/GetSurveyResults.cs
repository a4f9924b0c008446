using Mediator;

namespace SalesCrm.Application.Surveys.GetSurveyResults;

/// <summary>A survey's eNPS and bands: admins any survey, managers their own team's; withheld while open and below five answers.</summary>
public sealed record GetSurveyResultsQuery(Guid Id) : IQuery<SurveyResults>;

public sealed class GetSurveyResultsQueryHandler(SurveyAccess access, ISurveyStore surveys) : IQueryHandler<GetSurveyResultsQuery, SurveyResults>
{
    public async ValueTask<SurveyResults> Handle(GetSurveyResultsQuery query, CancellationToken cancellationToken)
    {
        var survey = await access.SurveyToReadAsync(query.Id, cancellationToken);
        return SurveyResults.Of(survey, await surveys.TallyAsync(survey.Id, cancellationToken), await access.TodayAsync(cancellationToken));
    }
}
