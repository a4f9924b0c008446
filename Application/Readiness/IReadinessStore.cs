using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Readiness;

public interface IReadinessStore
{
    /// <summary>The rep asked for, or the active users with role rep of the team or organisation, by name.</summary>
    Task<IReadOnlyList<ReadinessRep>> RepsAsync(MetricSubject subject, CancellationToken cancellationToken);

    /// <summary>The team asked for, or every team for the organisation; none for one rep.</summary>
    Task<IReadOnlyList<ReadinessTeam>> TeamsAsync(MetricSubject subject, CancellationToken cancellationToken);

    /// <summary>The assessments of the subject's users dated on or before <paramref name="asOf"/>.</summary>
    Task<IReadOnlyList<AssessmentDto>> AssessmentsAsync(MetricSubject subject, DateOnly asOf, CancellationToken cancellationToken);
}
