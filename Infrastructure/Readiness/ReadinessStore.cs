using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Readiness;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Metrics;

namespace SalesCrm.Infrastructure.Readiness;

/// <summary>The reps, teams and assessments readiness is computed from, cut to a subject (rep, team's current members, organisation).</summary>
public sealed class ReadinessStore(IDbConnectionFactory connections) : SqlStore(connections), IReadinessStore
{
    public static readonly Sql Reps = new("""
        SELECT u.id AS UserId, u.display_name AS DisplayName, u.team_id AS TeamId
        FROM users u
        WHERE (@SubjectUserId IS NOT NULL AND u.id = @SubjectUserId)
           OR (@SubjectUserId IS NULL AND u.role = 'rep' AND u.is_active = 1 AND (@SubjectTeamId IS NULL OR u.team_id = @SubjectTeamId))
        ORDER BY u.display_name, u.id
        """);

    public static readonly Sql Teams = new("""
        SELECT t.id AS TeamId, t.name AS Name FROM teams t
        WHERE @SubjectUserId IS NULL AND (@SubjectTeamId IS NULL OR t.id = @SubjectTeamId)
        ORDER BY t.name, t.id
        """);

    public static readonly Sql Assessments = new(
        $"SELECT {AssessmentStore.Columns} FROM assessments a WHERE a.assessed_on <= @AsOf AND {MetricSql.Subject("a.user_id")}");

    public async Task<IReadOnlyList<ReadinessRep>> RepsAsync(MetricSubject subject, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<RepRow>(Reps, Parameters(subject), cancellationToken)).Select(r => r.ToRep())];

    public async Task<IReadOnlyList<ReadinessTeam>> TeamsAsync(MetricSubject subject, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<TeamRow>(Teams, Parameters(subject), cancellationToken)).Select(r => r.ToTeam())];

    public async Task<IReadOnlyList<AssessmentDto>> AssessmentsAsync(MetricSubject subject, DateOnly asOf, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<AssessmentRow>(Assessments, new { SubjectUserId = subject.UserId, SubjectTeamId = subject.TeamId, AsOf = asOf }, cancellationToken))
            .Select(r => r.ToDto())];

    private static object Parameters(MetricSubject subject) => new { SubjectUserId = subject.UserId, SubjectTeamId = subject.TeamId };
}
