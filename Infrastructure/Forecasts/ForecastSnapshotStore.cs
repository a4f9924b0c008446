using System.Data.Common;
using SalesCrm.Application.Forecasts.Snapshots;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.Forecasts;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Forecasts;

/// <summary>Forecast snapshots (migration 0022), unique by subject, period, start and method.</summary>
public sealed class ForecastSnapshotStore(IDbConnectionFactory connections) : SqlStore(connections), IForecastSnapshotStore
{
    public static readonly Sql Subjects = new("""
        SELECT 'team' AS Kind, t.id AS Id FROM teams t
        UNION ALL
        SELECT 'rep' AS Kind, u.id AS Id FROM users u WHERE u.role = 'rep' AND u.is_active = 1
        """);

    public static readonly Sql TeamReps = new("""
        SELECT 'rep' AS Kind, u.id AS Id FROM users u WHERE u.team_id = @TeamId AND u.role = 'rep' AND u.is_active = 1
        """);

    public static readonly Sql Complete = new("""
        SELECT f.subject_kind AS Kind, f.subject_id AS Id
        FROM forecast_snapshots f
        WHERE f.period = @Period AND f.period_start = @Start
        GROUP BY f.subject_kind, f.subject_id
        HAVING COUNT(*) = @Methods
        """);

    public static readonly Sql InsertMissing = new("""
        INSERT INTO forecast_snapshots (id, subject_kind, subject_id, period, period_start, method, forecast, won_so_far, taken_at, taken_by)
        SELECT @Id, @Kind, @SubjectId, @Period, @Start, @Method, @Forecast, @WonSoFar, @TakenAt, @TakenBy
        WHERE NOT EXISTS (SELECT 1 FROM forecast_snapshots f
                          WHERE f.subject_kind = @Kind AND f.subject_id = @SubjectId AND f.period = @Period
                            AND f.period_start = @Start AND f.method = @Method)
        """);

    public static readonly Sql List = new("""
        SELECT f.id AS Id, f.subject_kind AS Kind, f.subject_id AS SubjectId, f.period AS Period, f.period_start AS Start,
               f.method AS Method, f.forecast AS Forecast, f.won_so_far AS WonSoFar, f.taken_at AS TakenAt, f.taken_by AS TakenBy
        FROM forecast_snapshots f
        WHERE f.subject_kind = @Kind AND f.subject_id = @SubjectId AND f.period = @Period
          AND f.period_start IN (SELECT p.period_start FROM (
                SELECT DISTINCT s.period_start FROM forecast_snapshots s
                WHERE s.subject_kind = @Kind AND s.subject_id = @SubjectId AND s.period = @Period AND s.period_start < @StartBefore
                ORDER BY s.period_start DESC
                {limit}) p)
        """);

    public async Task<IReadOnlyList<SnapshotSubject>> SubjectsAsync(CancellationToken cancellationToken) =>
        [SnapshotSubject.Organisation, .. (await QueryAsync<SubjectRow>(Subjects, null, cancellationToken)).Select(r => r.ToSubject())];

    public async Task<IReadOnlyList<SnapshotSubject>> TeamRepsAsync(Guid teamId, CancellationToken cancellationToken) =>
        (await QueryAsync<SubjectRow>(TeamReps, new { TeamId = teamId }, cancellationToken)).Select(r => r.ToSubject()).ToList();

    public async Task<IReadOnlySet<SnapshotSubject>> CompleteAsync(ForecastPeriod period, DateOnly start, CancellationToken cancellationToken) =>
        (await QueryAsync<SubjectRow>(Complete, new { Period = period.ToName(), Start = start, Methods = Enum.GetValues<ForecastMethod>().Length }, cancellationToken))
            .Select(r => r.ToSubject())
            .ToHashSet();

    public async Task<int> SaveMissingAsync(IReadOnlyList<ForecastSnapshot> snapshots, CancellationToken cancellationToken)
    {
        var saved = 0;
        foreach (var s in snapshots)
        {
            try
            {
                saved += await ExecuteAsync(InsertMissing, new
                {
                    s.Id, Kind = s.Subject.Kind.ToName(), SubjectId = s.Subject.Id, Period = s.Period.ToName(), s.Start,
                    Method = s.Method.ToName(), s.Forecast, s.WonSoFar, s.TakenAt, s.TakenBy,
                }, cancellationToken);
            }
            catch (DbException ex) when (Connections.IsUniqueViolation(ex))
            {
                // Another run saved the same snapshot first: it is kept.
            }
        }

        return saved;
    }

    public async Task<IReadOnlyList<ForecastSnapshot>> ListAsync(
        SnapshotSubject subject, ForecastPeriod period, DateOnly startBefore, int periods, CancellationToken cancellationToken) =>
        (await QueryAsync<SnapshotRow>(List, new
        {
            Kind = subject.Kind.ToName(), SubjectId = subject.Id, Period = period.ToName(),
            StartBefore = startBefore, Limit = periods,
        }, cancellationToken))
            .Select(r => new ForecastSnapshot(
                r.Id, subject, period, r.Start, EnumNames.Parse<ForecastMethod>(r.Method), r.Forecast, r.WonSoFar, r.TakenAt, r.TakenBy))
            .ToList();

    private sealed class SubjectRow
    {
        public string Kind { get; init; } = "";

        public Guid Id { get; init; }

        public SnapshotSubject ToSubject() => new(EnumNames.Parse<SnapshotSubjectKind>(Kind), Id);
    }

    private sealed class SnapshotRow
    {
        public Guid Id { get; init; }

        public DateOnly Start { get; init; }

        public string Method { get; init; } = "";

        public decimal Forecast { get; init; }

        public decimal WonSoFar { get; init; }

        public DateTimeOffset TakenAt { get; init; }

        public Guid? TakenBy { get; init; }
    }
}
