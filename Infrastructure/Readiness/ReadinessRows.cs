using SalesCrm.Application.Readiness;

namespace SalesCrm.Infrastructure.Readiness;

/// <summary>Rows as Dapper reads them (settable properties, so the type handlers apply), turned into the application's records.</summary>
internal sealed class CertificationRow
{
    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    public bool Required { get; init; }

    public int? ValidityMonths { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ArchivedAt { get; init; }

    public int Version { get; init; }

    public CertificationDto ToDto() => new(Id, Name, Required, ValidityMonths, CreatedAt, UpdatedAt, ArchivedAt, Version);
}

internal sealed class AssessmentRow
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public Guid? CertificationId { get; init; }

    public string Name { get; init; } = "";

    public int Score { get; init; }

    public bool Passed { get; init; }

    public DateOnly AssessedOn { get; init; }

    public Guid AssessorId { get; init; }

    public Guid RecordedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public AssessmentDto ToDto() => new(Id, UserId, CertificationId, Name, Score, Passed, AssessedOn, AssessorId, RecordedBy, CreatedAt);
}

internal sealed class RepRow
{
    public Guid UserId { get; init; }

    public string DisplayName { get; init; } = "";

    public Guid? TeamId { get; init; }

    public ReadinessRep ToRep() => new(UserId, DisplayName, TeamId);
}

internal sealed class TeamRow
{
    public Guid TeamId { get; init; }

    public string Name { get; init; } = "";

    public ReadinessTeam ToTeam() => new(TeamId, Name);
}
