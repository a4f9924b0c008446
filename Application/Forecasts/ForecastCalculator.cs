using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Forecasts;

/// <summary>Reads the deals behind a period's forecasts; <see cref="ForecastMath"/> turns them into figures.</summary>
public sealed class ForecastCalculator(IForecastStore store)
{
    public async Task<ForecastDeals> LoadAsync(ForecastRequest request, CancellationToken cancellationToken)
    {
        var wonUntil = request.Now < request.ToUtc ? request.Now : request.ToUtc;
        var wonSoFar = wonUntil > request.FromUtc
            ? await store.WonDealsAsync(request.Subject, request.PipelineId, request.FromUtc, wonUntil, cancellationToken)
            : [];
        var open = await store.OpenDealsAsync(request.Subject, request.PipelineId, request.Start, request.End, cancellationToken);
        var cycleWon = await store.WonDealsAsync(request.Subject, request.PipelineId, request.CycleFrom, request.Now, cancellationToken);
        var trailingWon = await store.WonDealsAsync(
            request.Subject, request.PipelineId, MetricWindow.StartOfDay(request.TrailingFrom, request.Zone),
            MetricWindow.StartOfDay(request.TrailingTo, request.Zone), cancellationToken);
        var withoutCloseDate = await store.OpenWithoutCloseDateAsync(request.Subject, request.PipelineId, cancellationToken);
        return new ForecastDeals(wonSoFar, open, cycleWon, trailingWon, withoutCloseDate);
    }

    public async Task<ForecastReport> ReportAsync(ForecastRequest request, CancellationToken cancellationToken) =>
        ForecastMath.Report(request, await LoadAsync(request, cancellationToken));
}
