using SalesCrm.Application.Surveys;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Surveys;

public sealed class SurveyStore(IDbConnectionFactory connections) : SqlStore(connections), ISurveyStore
{
    private const string Columns =
        "s.id AS Id, s.question AS Question, s.team_id AS TeamId, s.opens_on AS OpensOn, s.closes_on AS ClosesOn, s.created_at AS CreatedAt";

    private const string Bands =
        "COUNT(*) AS Responses, " +
        "SUM(CASE WHEN a.score >= 9 THEN 1 ELSE 0 END) AS Promoters, " +
        "SUM(CASE WHEN a.score IN (7, 8) THEN 1 ELSE 0 END) AS Passives, " +
        "SUM(CASE WHEN a.score <= 6 THEN 1 ELSE 0 END) AS Detractors";

    public static readonly Sql Insert = new("""
        INSERT INTO surveys (id, question, team_id, opens_on, closes_on, created_at, created_by)
        VALUES (@Id, @Question, @TeamId, @OpensOn, @ClosesOn, @CreatedAt, @By)
        """);

    public static readonly Sql Find = new($"SELECT {Columns} FROM surveys s WHERE s.id = @Id");

    public static readonly Sql List = new($"""
        SELECT {Columns} FROM surveys s
        WHERE (@TeamId IS NULL AND s.team_id IS NULL) OR s.team_id = @TeamId
        ORDER BY s.opens_on DESC, s.id
        """);

    public static readonly Sql Open = new($"""
        SELECT {Columns},
               CASE WHEN EXISTS (SELECT 1 FROM survey_participants p WHERE p.survey_id = s.id AND p.user_id = @UserId) THEN 1 ELSE 0 END AS Answered
        FROM surveys s
        WHERE s.closes_on >= @Today AND s.opens_on <= @Today
          AND (s.team_id IS NULL OR s.team_id = @TeamId)
        ORDER BY s.closes_on, s.id
        """);

    public static readonly Sql InsertParticipant = new("INSERT INTO survey_participants (survey_id, user_id) VALUES (@SurveyId, @UserId)");

    public static readonly Sql InsertAnswer = new("INSERT INTO survey_answers (survey_id, id, score) VALUES (@SurveyId, @Id, @Score)");

    public static readonly Sql Tally = new($"SELECT {Bands} FROM survey_answers a WHERE a.survey_id = @SurveyId");

    public static readonly Sql Closed = new($"""
        SELECT {Columns},
               COALESCE(t.Responses, 0) AS Responses, COALESCE(t.Promoters, 0) AS Promoters,
               COALESCE(t.Passives, 0) AS Passives, COALESCE(t.Detractors, 0) AS Detractors
        FROM surveys s
        LEFT JOIN (SELECT a.survey_id, {Bands} FROM survey_answers a GROUP BY a.survey_id) t ON t.survey_id = s.id
        WHERE ((@TeamId IS NULL AND s.team_id IS NULL) OR s.team_id = @TeamId)
          AND s.closes_on < @Today
        ORDER BY s.closes_on, s.opens_on, s.id
        """);

    public Task InsertAsync(SurveyDto survey, Guid by, CancellationToken cancellationToken) =>
        ExecuteAsync(Insert, new { survey.Id, survey.Question, survey.TeamId, survey.OpensOn, survey.ClosesOn, survey.CreatedAt, By = by }, cancellationToken);

    public async Task<SurveyDto?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<SurveyRow>(Find, new { Id = id }, cancellationToken))?.ToDto();

    public async Task<IReadOnlyList<OpenSurveyDto>> OpenAsync(Guid userId, Guid? teamId, DateOnly today, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<OpenRow>(Open, new { UserId = userId, TeamId = teamId, Today = today }, cancellationToken))
            .Select(r => new OpenSurveyDto(r.Id, r.Question, r.TeamId, r.OpensOn, r.ClosesOn, r.Answered == 1))];

    public Task AnswerAsync(Guid surveyId, Guid userId, int score, CancellationToken cancellationToken) =>
        UniqueAsync(() => WriteAsync(async write =>
        {
            await write.ExecuteAsync(InsertParticipant, new { SurveyId = surveyId, UserId = userId });
            // A random (v4) id, not the time-ordered ids records use: the answer's key must not tell when it was given.
            return await write.ExecuteAsync(InsertAnswer, new { SurveyId = surveyId, Id = Guid.NewGuid(), Score = score });
        }, cancellationToken), "score", "You have already answered this survey; each person answers once.");

    public async Task<SurveyTally> TallyAsync(Guid surveyId, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<TallyRow>(Tally, new { SurveyId = surveyId }, cancellationToken))?.ToTally() ?? SurveyTally.None;

    public async Task<IReadOnlyList<SurveyDto>> ListAsync(Guid? teamId, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<SurveyRow>(List, new { TeamId = teamId }, cancellationToken)).Select(r => r.ToDto())];

    public async Task<IReadOnlyList<(SurveyDto Survey, SurveyTally Tally)>> ClosedAsync(Guid? teamId, DateOnly today, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<ClosedRow>(Closed, new { TeamId = teamId, Today = today }, cancellationToken))
            .Select(r => (r.ToDto(), r.ToTally()))];

    private class SurveyRow
    {
        public Guid Id { get; init; }

        public string Question { get; init; } = "";

        public Guid? TeamId { get; init; }

        public DateOnly OpensOn { get; init; }

        public DateOnly ClosesOn { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public SurveyDto ToDto() => new(Id, Question, TeamId, OpensOn, ClosesOn, CreatedAt);
    }

    private sealed class OpenRow : SurveyRow
    {
        public int Answered { get; init; }
    }

    private sealed class TallyRow
    {
        public int Responses { get; init; }

        public int? Promoters { get; init; }

        public int? Passives { get; init; }

        public int? Detractors { get; init; }

        public SurveyTally ToTally() => new(Responses, Promoters ?? 0, Passives ?? 0, Detractors ?? 0);
    }

    private sealed class ClosedRow : SurveyRow
    {
        public int Responses { get; init; }

        public int Promoters { get; init; }

        public int Passives { get; init; }

        public int Detractors { get; init; }

        public SurveyTally ToTally() => new(Responses, Promoters, Passives, Detractors);
    }
}
