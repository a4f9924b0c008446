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
