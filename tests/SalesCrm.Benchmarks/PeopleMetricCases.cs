using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Application.Metrics.Attainment;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.People;
using SalesCrm.Application.People;

namespace SalesCrm.Benchmarks;

/// <summary>
/// Section F's ramp time (every rep's whole ramp: the default request) and rep quadrant (the quarter against the one before: every
/// team, and the rep's team), with the store calls their handlers make.
/// </summary>
public static class PeopleMetricCases
{
    public static IEnumerable<MetricCase> For(IServiceProvider services, MetricWindow quarter, string subject, string query, MetricSubject metricSubject)
    {
        var people = services.GetRequiredService<IPeopleMetricsStore>();
        var attainment = services.GetRequiredService<IAttainmentMetricsStore>();
        yield return new("ramp time", subject, $"/api/v1/metrics/people/ramp?{query.TrimStart('&')}", () => RampAsync(people, attainment, metricSubject));
        var teamId = metricSubject.UserId is { } rep
            ? services.GetRequiredService<IAccessCache>().GetUserAsync(rep, default).AsTask().GetAwaiter().GetResult()?.TeamId
            : null;
        var team = teamId is null ? "" : $"&teamId={teamId}";
        yield return new("rep quadrant", subject, $"/api/v1/metrics/people/quadrant?quarter={quarter.From:yyyy-MM-dd}{team}", async () =>
        {
            await people.QuadrantRepsAsync(teamId, default);
            var scope = MetricScope.Create(new MetricSubject(teamId, null), null, quarter.From.AddMonths(-3), quarter.To, Bucket.Quarter, TimeZoneInfo.Utc);
            await people.WonRevenueAsync(scope, default);
        });
    }

    private static async Task RampAsync(IPeopleMetricsStore people, IAttainmentMetricsStore attainment, MetricSubject subject)
    {
        var reps = await people.RampRepsAsync(subject, default);
        var starts = reps.Select(r => (r.UserId, From: MetricWindow.StartOfDay(r.StartedOn ?? DateOnly.FromDateTime(r.CreatedAt.UtcDateTime), TimeZoneInfo.Utc)))
            .ToList();
        if (starts.Count == 0)
        {
            return;
        }

        await people.FirstWinsAsync(starts, default);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await attainment.FirstAttainedQuotasAsync([.. starts.Select(s => (s.UserId, DateOnly.FromDateTime(s.From.UtcDateTime)))], today, default);
    }
}
