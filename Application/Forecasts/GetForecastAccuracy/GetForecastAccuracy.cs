using FluentValidation;
using Mediator;
using SalesCrm.Application.Forecasts.Snapshots;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts.GetForecastAccuracy;

/// <summary>
/// For the subject's periods of this kind that have ended and have snapshots, newest first: per method the forecast saved,
/// the actual revenue won in the period, and accuracy = 1 − |forecast − actual| / actual (null when nothing was won).
/// </summary>
public sealed record GetForecastAccuracyQuery(ForecastPeriod Period, Guid? TeamId = null, Guid? UserId = null, int? Limit = null)
    : IQuery<ForecastAccuracyReport>;

public sealed record ForecastAccuracyReport(ForecastPeriod Period, string TimeZone, Guid? TeamId, Guid? UserId, IReadOnlyList<PeriodAccuracy> Periods);

public sealed record PeriodAccuracy(DateOnly Start, DateOnly End, DealTotal Actual, IReadOnlyList<MethodAccuracy> Methods);

/// <summary>
/// One method's snapshot of a period against the actual. <see cref="Late"/>: taken after the period's first local day (the
/// background run saves at the start, within minutes), so it already knew part of the result; it is listed, not hidden.
/// </summary>
public sealed record MethodAccuracy(ForecastMethod Method, decimal Forecast, decimal WonSoFarAtSnapshot, DateTimeOffset TakenAt, bool Late, double? Accuracy);

public sealed class GetForecastAccuracyQueryHandler(
    MetricSubjects subjects, MetricScopes scopes, IForecastSnapshotStore snapshots, IForecastStore deals, TimeProvider clock)
    : IQueryHandler<GetForecastAccuracyQuery, ForecastAccuracyReport>
{
    public const int DefaultPeriods = 12;
    public const int MaxPeriods = 60;

    public async ValueTask<ForecastAccuracyReport> Handle(GetForecastAccuracyQuery query, CancellationToken cancellationToken)
    {
        var subject = await subjects.ResolveAsync(query.TeamId, query.UserId, cancellationToken);
        var zone = await scopes.ZoneAsync(cancellationToken);
        var current = ForecastPeriods.StartHolding(query.Period, MetricWindow.DateOf(clock.GetUtcNow(), zone));
        var saved = await snapshots.ListAsync(SnapshotSubject.Of(subject), query.Period, current, query.Limit ?? DefaultPeriods, cancellationToken);
        var periods = new List<PeriodAccuracy>();
        if (saved.Count > 0)
        {
            var from = MetricWindow.StartOfDay(saved.Min(s => s.Start), zone);
            var to = MetricWindow.StartOfDay(ForecastPeriods.EndOf(query.Period, saved.Max(s => s.Start)), zone);
            var won = await deals.WonDealsAsync(subject, null, from, to, cancellationToken);
            periods.AddRange(saved.GroupBy(s => s.Start).OrderByDescending(g => g.Key).Select(g => Period(query.Period, g.Key, g.ToList(), won, zone)));
        }

        return new ForecastAccuracyReport(query.Period, zone.Id, subject.TeamId, subject.UserId, periods);
    }

    public static double? Accuracy(decimal forecast, decimal actual) =>
        actual == 0 ? null : Math.Round(1 - (double)(Math.Abs(forecast - actual) / actual), Ratio.Decimals, MidpointRounding.AwayFromZero);

    private static PeriodAccuracy Period(
        ForecastPeriod period, DateOnly start, IReadOnlyList<ForecastSnapshot> saved, IReadOnlyList<WonForecastDeal> won, TimeZoneInfo zone)
    {
        var end = ForecastPeriods.EndOf(period, start);
        var (from, to) = (MetricWindow.StartOfDay(start, zone), MetricWindow.StartOfDay(end, zone));
        var actual = DealTotal.Of(won.Where(d => d.ClosedAt >= from && d.ClosedAt < to).Select(d => d.Amount));
        var secondDay = MetricWindow.StartOfDay(start.AddDays(1), zone);
        var methods = saved.OrderBy(s => s.Method)
            .Select(s => new MethodAccuracy(s.Method, s.Forecast, s.WonSoFar, s.TakenAt, s.TakenAt >= secondDay, Accuracy(s.Forecast, actual.Amount)))
            .ToList();
        return new PeriodAccuracy(start, end, actual, methods);
    }
}

public sealed class GetForecastAccuracyQueryValidator : AbstractValidator<GetForecastAccuracyQuery>
{
    public GetForecastAccuracyQueryValidator()
    {
        RuleFor(x => x.Period).IsInEnum();
        RuleFor(x => x.Limit).InclusiveBetween(1, GetForecastAccuracyQueryHandler.MaxPeriods).When(x => x.Limit is not null)
            .WithMessage($"limit must be between 1 and {GetForecastAccuracyQueryHandler.MaxPeriods} periods.");
    }
}
