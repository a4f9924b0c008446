namespace SalesCrm.Application.Readiness;

/// <summary>
/// A certification reps can hold: <see cref="Required"/> ones decide whether a rep is ready; <see cref="ValidityMonths"/>
/// is how long a pass holds it (null: it never expires). Archived certifications are kept for history only.
/// </summary>
public sealed record CertificationDto(
    Guid Id,
    string Name,
    bool Required,
    int? ValidityMonths,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ArchivedAt,
    int Version) : Common.Records.IVersioned;

/// <summary>One assessment result of a rep: for a certification (its name copied) or a named assessment of its own.</summary>
public sealed record AssessmentDto(
    Guid Id,
    Guid UserId,
    Guid? CertificationId,
    string Name,
    int Score,
    bool Passed,
    DateOnly AssessedOn,
    Guid AssessorId,
    Guid RecordedBy,
    DateTimeOffset CreatedAt);
