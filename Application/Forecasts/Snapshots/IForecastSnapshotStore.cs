using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts.Snapshots;

public interface IForecastSnapshotStore
{
    /// <summary>Every subject snapshots are taken for: the organisation, every team, every active rep.</summary>
    Task<IReadOnlyList<SnapshotSubject>> SubjectsAsync(CancellationToken cancellationToken);

    /// <summary>The active reps of a team (a manager's on-demand snapshot covers them).</summary>
    Task<IReadOnlyList<SnapshotSubject>> TeamRepsAsync(Guid teamId, CancellationToken cancellationToken);

    /// <summary>The subjects that already have every method saved for this period.</summary>
    Task<IReadOnlySet<SnapshotSubject>> CompleteAsync(ForecastPeriod period, DateOnly start, CancellationToken cancellationToken);

    /// <summary>Saves the snapshots not saved yet (unique by subject, period, start and method); returns how many were new.</summary>
    Task<int> SaveMissingAsync(IReadOnlyList<ForecastSnapshot> snapshots, CancellationToken cancellationToken);

    /// <summary>A subject's snapshots of periods starting before <paramref name="startBefore"/>, of the <paramref name="periods"/> latest such periods that have any.</summary>
    Task<IReadOnlyList<ForecastSnapshot>> ListAsync(
        SnapshotSubject subject, ForecastPeriod period, DateOnly startBefore, int periods, CancellationToken cancellationToken);
}
