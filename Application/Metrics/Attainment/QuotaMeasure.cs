using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Quotas;

namespace SalesCrm.Application.Metrics.Attainment;

/// <summary>
/// Measures quotas against won deals. Each quota is measured over its own period — its calendar dates taken in the
/// organisation's zone — cut at now while the period runs (period to date), whatever the request's window is.
/// </summary>
public static class QuotaMeasure
{
    public static async Task<IReadOnlyList<QuotaAttainmentRow>> MeasureAsync(
        IAttainmentMetricsStore store, MetricScope scope, QuotaPeriod? period, QuotaKind? kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var quotas = await store.QuotasAsync(scope, period, kind, cancellationToken);
        if (quotas.Count == 0)
        {
            return [];
        }

        var periods = quotas.Select(q => (q.PeriodStart, q.PeriodEnd)).Distinct().ToList();
        var spans = periods.Select((p, i) => PeriodSpan(i + 1, p.PeriodStart, p.PeriodEnd, scope.Zone, now)).ToList();
        var won = (await store.WonPerSpanAndOwnerAsync(scope with { Spans = [scope.Whole, .. spans] }, cancellationToken))
            .ToDictionary(w => (w.Idx, w.OwnerId));
        return [.. quotas.Select(q =>
        {
            var span = spans[periods.IndexOf((q.PeriodStart, q.PeriodEnd))];
            var deals = won.GetValueOrDefault((span.Index, q.UserId));
            return Measure(q, deals?.Revenue ?? 0, deals?.Deals ?? 0, span, scope.Zone, now);
        })];
    }

    /// <summary>A quota period as a span: its first instant in the zone to its end or now, whichever is first.</summary>
    public static MetricSpan PeriodSpan(int index, DateOnly start, DateOnly end, TimeZoneInfo zone, DateTimeOffset now)
    {
        var window = MetricWindow.Create(start, end, zone);
        var to = now < window.ToUtc ? now : window.ToUtc;
        return new MetricSpan(index, start, end, window.FromUtc, to < window.FromUtc ? window.FromUtc : to);
    }

    /// <summary>A scope of one rep over one quota period (period to date), for the quota's drill-down.</summary>
    public static MetricScope PeriodScope(Guid userId, DateOnly start, DateOnly end, TimeZoneInfo zone, DateTimeOffset now)
    {
        var span = PeriodSpan(0, start, end, zone, now);
        return new MetricScope(
            new MetricSubject(null, userId), null, new MetricWindow(start, end, span.FromUtc, span.ToUtc), zone, null, [span]);
    }

    /// <summary>One quota against what its rep achieved in the period (<paramref name="span"/>): attained when the target is met.</summary>
    public static QuotaAttainmentRow Measure(QuotaInWindow q, decimal revenue, long deals, MetricSpan span, TimeZoneInfo zone, DateTimeOffset now)
    {
        var achieved = q.Kind == QuotaKind.Revenue ? revenue : deals;
        return new QuotaAttainmentRow(
            q.QuotaId, q.UserId, q.DisplayName, q.Period, q.PeriodStart, q.PeriodEnd, q.Kind, q.Target, achieved, revenue, deals,
            Ratio.Of((double)achieved, (double)q.Target), q.Target > 0 && achieved >= q.Target,
            span.FromUtc <= now && now < MetricWindow.StartOfDay(q.PeriodEnd, zone), span.ToUtc);
    }
}
