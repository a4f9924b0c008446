using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts;

/// <summary>
/// Reads what a period's forecasts need: totals for the report (<see cref="ForecastMath"/> turns them into figures), the
/// deals themselves for the explain. Both read the same definitions, so the explain lists exactly the deals counted.
/// </summary>
public sealed class ForecastCalculator(IForecastStore store)
{
    public async Task<ForecastReport> ReportAsync(ForecastRequest request, CancellationToken cancellationToken) =>
        ForecastMath.Report(request, await TotalsAsync(request, cancellationToken));

    public async Task<ForecastTotals> TotalsAsync(ForecastRequest request, CancellationToken cancellationToken)
    {
        var (subject, pipelineId) = (request.Subject, request.PipelineId);
        var wonSoFar = WonUntil(request) > request.FromUtc
            ? await store.WonTotalAsync(subject, pipelineId, request.FromUtc, WonUntil(request), request.Zone, cancellationToken)
            : new DealTotal(0, 0m);
        var cycle = await CycleAsync(request, cancellationToken);
        var agedBefore = ForecastMath.AgedBefore(cycle.TypicalDays, request.Now);
        var open = await store.OpenGroupsAsync(subject, pipelineId, request.Start, request.End, agedBefore, cancellationToken);
        var young = agedBefore == DateTimeOffset.MaxValue
            ? []
            : await store.YoungOpenDealsAsync(subject, pipelineId, request.Start, request.End, agedBefore, cancellationToken);
        var trailingWon = await store.WonTotalAsync(
            subject, pipelineId, MetricWindow.StartOfDay(request.TrailingFrom, request.Zone), MetricWindow.StartOfDay(request.TrailingTo, request.Zone),
            request.Zone, cancellationToken);
        var withoutCloseDate = await store.OpenWithoutCloseDateAsync(subject, pipelineId, cancellationToken);
        return new ForecastTotals(wonSoFar, open, young, cycle, trailingWon, withoutCloseDate);
    }

    /// <summary>
    /// The deals a method's explain lists after <paramref name="after"/>, each source (won so far, open, trailing won) read up to
    /// <paramref name="take"/> in the explain's order, so merging them and taking <paramref name="take"/> gives the page exactly;
    /// only what that method's records use (<see cref="ForecastExplain.Records"/>) is read: the trailing won deals for the
    /// historical method; the won-so-far and open deals otherwise, with the typical cycle for cycle age.
    /// </summary>
    public async Task<ForecastDeals> DealsAsync(
        ForecastRequest request, ForecastMethod method, ExplainPosition? after, int take, CancellationToken cancellationToken)
    {
        var (subject, pipelineId) = (request.Subject, request.PipelineId);
        if (method == ForecastMethod.Historical)
        {
            var trailingWon = await store.WonDealsPageAsync(
                subject, pipelineId, MetricWindow.StartOfDay(request.TrailingFrom, request.Zone), MetricWindow.StartOfDay(request.TrailingTo, request.Zone),
                after, take, cancellationToken);
            return new ForecastDeals([], [], trailingWon, null);
        }

        var wonSoFar = WonUntil(request) > request.FromUtc
            ? await store.WonDealsPageAsync(subject, pipelineId, request.FromUtc, WonUntil(request), after, take, cancellationToken)
            : [];
        var open = await store.OpenDealsPageAsync(subject, pipelineId, request.Start, request.End, after, take, cancellationToken);
        var typicalCycle = method == ForecastMethod.CycleAge ? (await CycleAsync(request, cancellationToken)).TypicalDays : null;
        return new ForecastDeals(wonSoFar, open, [], typicalCycle);
    }

    /// <summary>
    /// The deals won in the 12 months before now and their median cycle: the counts per whole day of cycle say which day(s)
    /// hold the middle rank(s), and only the deals of those days are read, sorted, and the middle one(s) taken.
    /// </summary>
    public async Task<CycleSummary> CycleAsync(ForecastRequest request, CancellationToken cancellationToken)
    {
        var days = (await store.CycleDaysAsync(request.Subject, request.PipelineId, request.CycleFrom, request.Now, request.Zone, cancellationToken))
            .Where(d => d.Deals > 0).OrderBy(d => d.Days).ToList();
        var total = days.Sum(d => d.Deals);
        if (total == 0)
        {
            return new CycleSummary(0, null);
        }

        var ranks = MiddleRanks.Of(total);
        var holding = MiddleRanks.Holding(days, d => d.Deals).Select(h => h.Bucket.Days).ToList();
        var first = days.TakeWhile(d => d.Days < holding[0]).Sum(d => d.Deals);
        var cycles = (await store.CyclesAsync(request.Subject, request.PipelineId, request.CycleFrom, request.Now, holding, cancellationToken))
            .Order().ToList();
        // A deal won between the two reads could leave the second a row short: the nearest middle is then taken.
        return cycles.Count == 0
            ? new CycleSummary(total, null)
            : new CycleSummary(total, Ratio.Median(ranks.Select(r => cycles[(int)Math.Clamp(r - first, 0, cycles.Count - 1)])));
    }

    private static DateTimeOffset WonUntil(ForecastRequest request) => request.Now < request.ToUtc ? request.Now : request.ToUtc;
}
