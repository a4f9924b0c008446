using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts.Snapshots;

public enum SnapshotSubjectKind
{
    Organisation,
    Team,
    Rep,
}

/// <summary>Whose forecast a snapshot saved: the organisation (id <see cref="Guid.Empty"/>), a team or a rep.</summary>
public sealed record SnapshotSubject(SnapshotSubjectKind Kind, Guid Id)
{
    public static SnapshotSubject Organisation { get; } = new(SnapshotSubjectKind.Organisation, Guid.Empty);

    public MetricSubject Metric => Kind switch
    {
        SnapshotSubjectKind.Team => new MetricSubject(Id, null),
        SnapshotSubjectKind.Rep => new MetricSubject(null, Id),
        _ => MetricSubject.Organisation,
    };

    public static SnapshotSubject Of(MetricSubject subject) =>
        subject.UserId is { } rep ? new(SnapshotSubjectKind.Rep, rep)
        : subject.TeamId is { } team ? new(SnapshotSubjectKind.Team, team)
        : Organisation;
}

/// <summary>One method's forecast of one period for one subject, as saved when the snapshot was taken (all pipelines, default historical inputs).</summary>
public sealed record ForecastSnapshot(
    Guid Id, SnapshotSubject Subject, ForecastPeriod Period, DateOnly Start, ForecastMethod Method, decimal Forecast, decimal WonSoFar,
    DateTimeOffset TakenAt, Guid? TakenBy);
