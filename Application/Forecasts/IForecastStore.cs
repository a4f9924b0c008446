using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts;

/// <summary>The deals forecasts read, cut to a subject (organisation, team or rep) and optionally a pipeline.</summary>
public interface IForecastStore
{
    /// <summary>Deals whose current outcome is won and whose close time is in [from, to), soft-deleted ones never.</summary>
    Task<IReadOnlyList<WonForecastDeal>> WonDealsAsync(
        MetricSubject subject, Guid? pipelineId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// The count and amount of the deals <see cref="WonDealsAsync"/> lists, without reading them: whole local days of
    /// <paramref name="zone"/> (the organisation's) from the day rollup, the parts of days at either end from the deals.
    /// </summary>
    Task<DealTotal> WonTotalAsync(
        MetricSubject subject, Guid? pipelineId, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, CancellationToken cancellationToken);

    /// <summary>The deals <see cref="WonDealsAsync"/> lists counted per whole day of their cycle (days from creation to close, 0 when negative), whole local days of <paramref name="zone"/> from a day rollup.</summary>
    Task<IReadOnlyList<CycleDayCount>> CycleDaysAsync(
        MetricSubject subject, Guid? pipelineId, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, CancellationToken cancellationToken);

    /// <summary>The cycles (days, 0 when negative) of the deals <see cref="WonDealsAsync"/> lists whose whole days of cycle are one of <paramref name="days"/>.</summary>
    Task<IReadOnlyList<double>> CyclesAsync(
        MetricSubject subject, Guid? pipelineId, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<long> days, CancellationToken cancellationToken);

    /// <summary>
    /// A page of the deals <see cref="WonDealsAsync"/> lists: by close time then id (the id's text, as <see cref="Guid.CompareTo(Guid)"/>
    /// orders it), the first <paramref name="limit"/> after <paramref name="after"/>.
    /// </summary>
    Task<IReadOnlyList<WonForecastDeal>> WonDealsPageAsync(
        MetricSubject subject, Guid? pipelineId, DateTimeOffset from, DateTimeOffset to, ExplainPosition? after, int limit, CancellationToken cancellationToken);

    /// <summary>A page of the deals <see cref="OpenDealsAsync"/> lists: by creation time then id, the first <paramref name="limit"/> after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<OpenForecastDeal>> OpenDealsPageAsync(
        MetricSubject subject, Guid? pipelineId, DateOnly from, DateOnly to, ExplainPosition? after, int limit, CancellationToken cancellationToken);

    /// <summary>Open deals whose expected close date is in [from, to).</summary>
    Task<IReadOnlyList<OpenForecastDeal>> OpenDealsAsync(
        MetricSubject subject, Guid? pipelineId, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>
    /// The deals <see cref="OpenDealsAsync"/> lists per stage and forecast category: count, amount, and the amount of those
    /// created at or before <paramref name="agedBefore"/>.
    /// </summary>
    Task<IReadOnlyList<OpenDealGroup>> OpenGroupsAsync(
        MetricSubject subject, Guid? pipelineId, DateOnly from, DateOnly to, DateTimeOffset agedBefore, CancellationToken cancellationToken);

    /// <summary>The deals <see cref="OpenDealsAsync"/> lists created after <paramref name="agedBefore"/>.</summary>
    Task<IReadOnlyList<YoungOpenDeal>> YoungOpenDealsAsync(
        MetricSubject subject, Guid? pipelineId, DateOnly from, DateOnly to, DateTimeOffset agedBefore, CancellationToken cancellationToken);

    /// <summary>Open deals without an expected close date.</summary>
    Task<DealTotal> OpenWithoutCloseDateAsync(MetricSubject subject, Guid? pipelineId, CancellationToken cancellationToken);

    /// <summary>Sets an opportunity's forecast category when its version still matches; false when it does not.</summary>
    Task<bool> SetCategoryAsync(Guid opportunityId, ForecastCategory category, int expectedVersion, CancellationToken cancellationToken);
}

public sealed record WonForecastDeal(Guid Id, Guid OwnerId, string Name, decimal Amount, DateTimeOffset CreatedAt, DateTimeOffset ClosedAt);

public sealed record OpenForecastDeal(
    Guid Id, Guid OwnerId, string Name, decimal Amount, DateTimeOffset CreatedAt, Guid StageId, string StageName, int Probability,
    ForecastCategory Category);
