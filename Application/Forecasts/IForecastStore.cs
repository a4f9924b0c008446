using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts;

/// <summary>The deals forecasts read, cut to a subject (organisation, team or rep) and optionally a pipeline.</summary>
public interface IForecastStore
{
    /// <summary>Deals whose current outcome is won and whose close time is in [from, to), soft-deleted ones never.</summary>
    Task<IReadOnlyList<WonForecastDeal>> WonDealsAsync(
        MetricSubject subject, Guid? pipelineId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Open deals whose expected close date is in [from, to).</summary>
    Task<IReadOnlyList<OpenForecastDeal>> OpenDealsAsync(
        MetricSubject subject, Guid? pipelineId, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>Open deals without an expected close date.</summary>
    Task<DealTotal> OpenWithoutCloseDateAsync(MetricSubject subject, Guid? pipelineId, CancellationToken cancellationToken);

    /// <summary>Sets an opportunity's forecast category when its version still matches; false when it does not.</summary>
    Task<bool> SetCategoryAsync(Guid opportunityId, ForecastCategory category, int expectedVersion, CancellationToken cancellationToken);
}

public sealed record WonForecastDeal(Guid Id, Guid OwnerId, string Name, decimal Amount, DateTimeOffset CreatedAt, DateTimeOffset ClosedAt);

public sealed record OpenForecastDeal(
    Guid Id, Guid OwnerId, string Name, decimal Amount, DateTimeOffset CreatedAt, Guid StageId, string StageName, int Probability,
    ForecastCategory Category);
