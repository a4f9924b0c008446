using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Organisations;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts.Snapshots;

/// <summary>What a snapshot run saved: the periods it covered (the current month and quarter as of <c>asOf</c>) and how many rows were new.</summary>
public sealed record SnapshotRun(DateTimeOffset AsOf, IReadOnlyList<SnapshotPeriod> Periods, int Subjects, int Saved);

public sealed record SnapshotPeriod(ForecastPeriod Period, DateOnly Start, DateOnly End);

/// <summary>
/// Saves the forecasts that are due and missing: for each subject, the current month and the current quarter (in the
/// organisation's zone, as of <c>now</c>), each method once (all pipelines, default historical inputs). Idempotent: a
/// subject whose snapshots exist is skipped, and the unique key (subject, period, start, method) keeps racing runs from doubling.
/// </summary>
public sealed class ForecastSnapshotter(ForecastCalculator calculator, IForecastSnapshotStore snapshots, OrganisationCalendar calendar)
{
    public async Task<SnapshotRun> SnapshotDueAsync(
        DateTimeOffset now, Guid? takenBy, IReadOnlyList<SnapshotSubject>? subjects, CancellationToken cancellationToken)
    {
        var zone = await calendar.ZoneAsync(cancellationToken);
        subjects ??= await snapshots.SubjectsAsync(cancellationToken);
        var today = MetricWindow.DateOf(now, zone);
        var periods = Enum.GetValues<ForecastPeriod>().Select(p => Holding(p, today)).ToList();
        var saved = 0;
        foreach (var period in periods)
        {
            var complete = await snapshots.CompleteAsync(period.Period, period.Start, cancellationToken);
            foreach (var subject in subjects.Where(s => !complete.Contains(s)))
            {
                var request = new ForecastRequest(subject.Metric, null, period.Period, period.Start, zone, now, HistoricalInputs.Defaults);
                var report = await calculator.ReportAsync(request, cancellationToken);
                var rows = Enum.GetValues<ForecastMethod>()
                    .Select(m => new ForecastSnapshot(
                        Guid.CreateVersion7(), subject, period.Period, period.Start, m, ForecastMath.Forecast(report, m),
                        report.StageWeighted.WonSoFar.Amount, now, takenBy))
                    .ToList();
                saved += await snapshots.SaveMissingAsync(rows, cancellationToken);
            }
        }

        return new SnapshotRun(now, periods, subjects.Count, saved);
    }

    private static SnapshotPeriod Holding(ForecastPeriod period, DateOnly today)
    {
        var start = ForecastPeriods.StartHolding(period, today);
        return new SnapshotPeriod(period, start, ForecastPeriods.EndOf(period, start));
    }
}
