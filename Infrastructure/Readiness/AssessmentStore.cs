using SalesCrm.Application.Readiness;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Readiness;

public sealed class AssessmentStore(IDbConnectionFactory connections) : SqlStore(connections), IAssessmentStore
{
    public const string Columns =
        "a.id AS Id, a.user_id AS UserId, a.certification_id AS CertificationId, a.name AS Name, a.score AS Score, a.passed AS Passed, " +
        "a.assessed_on AS AssessedOn, a.assessor_id AS AssessorId, a.recorded_by AS RecordedBy, a.created_at AS CreatedAt";

    public static readonly Sql Insert = new("""
        INSERT INTO assessments (id, user_id, certification_id, name, score, passed, assessed_on, assessor_id, recorded_by, created_at)
        VALUES (@Id, @UserId, @CertificationId, @Name, @Score, @Passed, @AssessedOn, @AssessorId, @RecordedBy, @CreatedAt)
        """);

    public static readonly Sql ListForUser = new(
        $"SELECT {Columns} FROM assessments a WHERE a.user_id = @UserId ORDER BY a.assessed_on DESC, a.created_at DESC, a.id DESC");

    public Task InsertAsync(AssessmentDto assessment, CancellationToken cancellationToken) =>
        ExecuteAsync(Insert, assessment, cancellationToken);

    public async Task<IReadOnlyList<AssessmentDto>> ListForUserAsync(Guid userId, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<AssessmentRow>(ListForUser, new { UserId = userId }, cancellationToken)).Select(r => r.ToDto())];
}
