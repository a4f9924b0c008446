using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts;

/// <summary>
/// The deals one method counted, oldest first, paged by (at, id) as every explain is. Stage-weighted and cycle-age: the
/// deals won so far (<c>at</c> = close, <c>value</c> = 1) and the open deals expected to close in the period (<c>at</c> =
/// creation, <c>value</c> = the probability used). Historical: the deals won in the trailing three months (<c>value</c> null).
/// </summary>
public static class ForecastExplain
{
    public static Page<MetricRecord> Page(ForecastMethod method, ForecastRequest request, ForecastDeals deals, int limit, ExplainPosition? after)
    {
        var rows = Records(method, request, deals)
            .Where(r => after is null || r.At > after.At || (r.At == after.At && r.Id.CompareTo(after.Id) > 0))
            .OrderBy(r => r.At).ThenBy(r => r.Id)
            .Take(limit + 1)
            .ToList();
        var items = rows.Take(limit).ToList();
        return new Page<MetricRecord>(items, rows.Count > limit ? ExplainPaging.Encode(items[^1]) : null);
    }

    public static IEnumerable<MetricRecord> Records(ForecastMethod method, ForecastRequest request, ForecastDeals deals)
    {
        if (method == ForecastMethod.Historical)
        {
            return deals.TrailingWon.Select(d => Won(d, null));
        }

        return deals.WonSoFar.Select(d => Won(d, 1.0)).Concat(deals.Open.Select(d => new MetricRecord(
            MetricRecordKind.Opportunity, d.Id, d.CreatedAt, d.OwnerId, d.Name, d.Amount,
            method == ForecastMethod.StageWeighted ? d.Probability / 100.0 : ForecastMath.CycleProbability(d.CreatedAt, deals.TypicalCycleDays, request.Now), d.Id)));
    }

    private static MetricRecord Won(WonForecastDeal deal, double? value) =>
        new(MetricRecordKind.Opportunity, deal.Id, deal.ClosedAt, deal.OwnerId, deal.Name, deal.Amount, value, deal.Id);
}
