using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Pipeline;

/// <summary>Scopes for the pipeline metrics that are not windowed (a snapshot, the stale list): subject and pipeline checked as for every metric.</summary>
public static class PipelineMetricScopes
{
    /// <summary>
    /// The subject checked against the caller (404 outside it) and the pipeline checked to exist (404), in a scope whose
    /// window is the calendar day holding <paramref name="instant"/>: the figures themselves read the instant, not the window.
    /// </summary>
    public static async Task<MetricScope> AtInstantAsync(
        this MetricScopes scopes, MetricSubjects subjects, Guid? teamId, Guid? userId, Guid? pipelineId, DateTimeOffset instant,
        CancellationToken cancellationToken)
    {
        var subject = await subjects.ResolveAsync(teamId, userId, cancellationToken);
        var pipeline = pipelineId is { } id ? await scopes.PipelineAsync(id, cancellationToken) : (Guid?)null;
        var zone = await scopes.ZoneAsync(cancellationToken);
        var day = MetricWindow.DateOf(instant, zone);
        return MetricScope.Create(subject, pipeline, day, day.AddDays(1), null, zone);
    }
}
