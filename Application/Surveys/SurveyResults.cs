using SalesCrm.Domain.Surveys;

namespace SalesCrm.Application.Surveys;

/// <summary>Why a survey's figures are not shown.</summary>
public enum ResultsWithheld
{
    /// <summary>The survey still takes answers: figures that change after each answer would tell that answer.</summary>
    Open,

    /// <summary>Fewer than five answers: even the count is withheld.</summary>
    TooFewResponses,
}

/// <summary>
/// A survey's eNPS once it has closed with at least five answers; otherwise every figure is null and
/// <see cref="Withheld"/> says why.
/// </summary>
public sealed record SurveyResults(
    Guid SurveyId,
    string Question,
    Guid? TeamId,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    int MinimumResponses,
    ResultsWithheld? Withheld,
    int? Responses,
    int? Promoters,
    int? Passives,
    int? Detractors,
    int? Enps)
{
    public static SurveyResults Of(SurveyDto survey, SurveyTally tally, DateOnly today)
    {
        var withheld = !SurveyWindow.IsClosed(survey.ClosesOn, today) ? ResultsWithheld.Open
            : tally.Responses < SurveyScores.MinimumResponses ? ResultsWithheld.TooFewResponses
            : (ResultsWithheld?)null;
        var shown = withheld is null;
        return new SurveyResults(
            survey.Id,
            survey.Question,
            survey.TeamId,
            survey.OpensOn,
            survey.ClosesOn,
            SurveyScores.MinimumResponses,
            withheld,
            shown ? tally.Responses : null,
            shown ? tally.Promoters : null,
            shown ? tally.Passives : null,
            shown ? tally.Detractors : null,
            shown ? SurveyScores.Enps(tally.Responses, tally.Promoters, tally.Detractors) : null);
    }
}
