using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.People;

public interface IPeopleMetricsStore
{
    /// <summary>The rep asked for, or every user with role rep (active or not) of the team or organisation, by name.</summary>
    Task<IReadOnlyList<RampRep>> RampRepsAsync(MetricSubject subject, CancellationToken cancellationToken);

    /// <summary>Each rep's first deal won as owner at or after the given instant (absent when none yet).</summary>
    Task<IReadOnlyDictionary<Guid, DateTimeOffset>> FirstWinsAsync(IReadOnlyList<(Guid UserId, DateTimeOffset From)> reps, CancellationToken cancellationToken);

    /// <summary>The active users with role rep of one team or of every team (reps without a team are left out), by team then name.</summary>
    Task<IReadOnlyList<QuadrantRep>> QuadrantRepsAsync(Guid? teamId, CancellationToken cancellationToken);

    /// <summary>
    /// Won revenue per span (index 1 and up) and owner among the scope's reps, over each span's whole local days. Every span
    /// starts and ends on the first of a month (the quadrant's quarters): the store reads whole months.
    /// </summary>
    Task<IReadOnlyDictionary<(int Idx, Guid OwnerId), decimal>> WonRevenueAsync(MetricScope scope, CancellationToken cancellationToken);
}

/// <summary>A rep as ramp time reads them: <see cref="StartedOn"/> as set by an admin (null: not set).</summary>
public sealed record RampRep(Guid UserId, string DisplayName, Guid? TeamId, DateOnly? StartedOn, DateTimeOffset CreatedAt);

public sealed record QuadrantRep(Guid UserId, string DisplayName, Guid TeamId, string TeamName);
