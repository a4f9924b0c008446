namespace SalesCrm.Application.Surveys;

/// <summary>An eNPS survey: one question asked of the organisation (<see cref="TeamId"/> null) or of one team, open on [opensOn, closesOn].</summary>
public sealed record SurveyDto(Guid Id, string Question, Guid? TeamId, DateOnly OpensOn, DateOnly ClosesOn, DateTimeOffset CreatedAt);

/// <summary>A survey the caller may answer today, and whether they already have (their own answer is never returned).</summary>
public sealed record OpenSurveyDto(Guid Id, string Question, Guid? TeamId, DateOnly OpensOn, DateOnly ClosesOn, bool Answered);

/// <summary>How many answers fell in each band; read only in aggregate, never per answer.</summary>
public sealed record SurveyTally(int Responses, int Promoters, int Passives, int Detractors)
{
    public static readonly SurveyTally None = new(0, 0, 0, 0);
}

/// <summary>Where a survey stands on a given day: not yet open, taking answers, or closed.</summary>
public enum SurveyStatus
{
    Upcoming,
    Open,
    Closed,
}

/// <summary>A survey as its audience's manager or an admin lists it: its days and where it stands today (no answers, no figures).</summary>
public sealed record ListedSurveyDto(Guid Id, string Question, Guid? TeamId, DateOnly OpensOn, DateOnly ClosesOn, SurveyStatus Status)
{
    public static ListedSurveyDto Of(SurveyDto survey, DateOnly today) => new(
        survey.Id, survey.Question, survey.TeamId, survey.OpensOn, survey.ClosesOn,
        today < survey.OpensOn ? SurveyStatus.Upcoming : today > survey.ClosesOn ? SurveyStatus.Closed : SurveyStatus.Open);
}
