namespace SalesCrm.Application.Surveys;

public interface ISurveyStore
{
    Task InsertAsync(SurveyDto survey, Guid by, CancellationToken cancellationToken);

    Task<SurveyDto?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Every survey of one audience (the organisation when <paramref name="teamId"/> is null), newest first.</summary>
    Task<IReadOnlyList<SurveyDto>> ListAsync(Guid? teamId, CancellationToken cancellationToken);

    /// <summary>Surveys open on <paramref name="today"/> for the organisation or <paramref name="teamId"/>, with whether <paramref name="userId"/> answered.</summary>
    Task<IReadOnlyList<OpenSurveyDto>> OpenAsync(Guid userId, Guid? teamId, DateOnly today, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the person answered (survey, user) and, in the same transaction, the score under a random id with
    /// no user and no time; 409 on <c>score</c> when they already answered.
    /// </summary>
    Task AnswerAsync(Guid surveyId, Guid userId, int score, CancellationToken cancellationToken);

    Task<SurveyTally> TallyAsync(Guid surveyId, CancellationToken cancellationToken);

    /// <summary>Surveys of one audience (the organisation when <paramref name="teamId"/> is null) closed before <paramref name="today"/>, by closing date.</summary>
    Task<IReadOnlyList<(SurveyDto Survey, SurveyTally Tally)>> ClosedAsync(Guid? teamId, DateOnly today, CancellationToken cancellationToken);
}
