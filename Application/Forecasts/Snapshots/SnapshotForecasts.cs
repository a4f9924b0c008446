using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Forecasts.Snapshots;

/// <summary>
/// Takes the due snapshots now instead of waiting for the background run: for the team or rep named (in the caller's scope,
/// else 404), or without one, for everything the caller manages (an admin: the organisation, every team and rep; a manager:
/// their team and its reps). Snapshots already saved are kept, so repeating it saves nothing new.
/// </summary>
public sealed record SnapshotForecastsCommand(Guid? TeamId = null, Guid? UserId = null) : ICommand<SnapshotRun>;

public sealed class SnapshotForecastsCommandHandler(
    ICurrentUser caller, MetricSubjects subjects, IForecastSnapshotStore snapshots, ForecastSnapshotter snapshotter, TimeProvider clock)
    : ICommandHandler<SnapshotForecastsCommand, SnapshotRun>
{
    public async ValueTask<SnapshotRun> Handle(SnapshotForecastsCommand command, CancellationToken cancellationToken)
    {
        var subject = await subjects.ResolveAsync(command.TeamId, command.UserId, cancellationToken);
        var named = command.TeamId is not null || command.UserId is not null;
        IReadOnlyList<SnapshotSubject>? covered = named ? [SnapshotSubject.Of(subject)]
            : subject.IsOrganisation ? null
            : subject.TeamId is { } team ? [SnapshotSubject.Of(subject), .. await snapshots.TeamRepsAsync(team, cancellationToken)]
            : [SnapshotSubject.Of(subject)];
        return await snapshotter.SnapshotDueAsync(clock.GetUtcNow(), caller.Id, covered, cancellationToken);
    }
}
