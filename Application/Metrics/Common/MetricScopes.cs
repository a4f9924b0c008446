using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Organisations;
using SalesCrm.Application.Pipelines;

namespace SalesCrm.Application.Metrics.Common;

/// <summary>
/// Turns a metric query into a <see cref="MetricScope"/>: the subject checked against the caller (404 outside it),
/// the pipeline checked to exist (404), the window cut in the organisation's time zone.
/// </summary>
public sealed class MetricScopes(MetricSubjects subjects, OrganisationCalendar calendar, IPipelineStore pipelines)
{
    public async Task<MetricScope> ResolveAsync(IMetricQuery query, CancellationToken cancellationToken)
    {
        var subject = await subjects.ResolveAsync(query.TeamId, query.UserId, cancellationToken);
        var pipelineId = query is IPipelineMetricQuery { PipelineId: { } id } ? await PipelineAsync(id, cancellationToken) : (Guid?)null;
        return MetricScope.Create(subject, pipelineId, query.From, query.To, query.Bucket, await ZoneAsync(cancellationToken));
    }

    public Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken) => calendar.ZoneAsync(cancellationToken);

    public async Task<Guid> PipelineAsync(Guid id, CancellationToken cancellationToken) =>
        await pipelines.FindAsync(id, cancellationToken) is not null ? id : throw new NotFoundException("pipeline");
}
