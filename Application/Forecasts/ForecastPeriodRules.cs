using FluentValidation;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts;

/// <summary>What every forecast query names: a period kind and its first day.</summary>
public interface IForecastPeriodQuery
{
    ForecastPeriod Period { get; }

    DateOnly Start { get; }
}

public static class ForecastPeriodRules
{
    public static void AddPeriodRules<T>(this AbstractValidator<T> validator)
        where T : IForecastPeriodQuery
    {
        validator.RuleFor(x => x.Period).IsInEnum();
        validator.RuleFor(x => x.Start)
            .Must((query, start) => ForecastPeriods.IsPeriodStart(query.Period, start))
            .WithMessage(query => query.Period == ForecastPeriod.Quarter
                ? "start must be the first day of a quarter (1 January, April, July or October)."
                : "start must be the first day of a month.");
        validator.RuleFor(x => x.Start).InclusiveBetween(MetricWindow.EarliestDate, MetricWindow.LatestDate.AddYears(-1))
            .WithMessage($"start must be between {MetricWindow.EarliestDate:yyyy-MM-dd} and {MetricWindow.LatestDate.AddYears(-1):yyyy-MM-dd}.");
    }

    /// <summary>A forecast is for the current or a future period, at most two years ahead; anything else is a 400 naming <c>start</c>.</summary>
    public static void EnsureForecastable(ForecastPeriod period, DateOnly start, TimeZoneInfo zone, DateTimeOffset now)
    {
        var end = ForecastPeriods.EndOf(period, start);
        if (now >= MetricWindow.StartOfDay(end, zone))
        {
            throw RequestValidationException.For(
                "start", $"That period ended on {end.AddDays(-1):yyyy-MM-dd}: forecasts are for the current or a future period (past periods: /api/v1/forecasts/accuracy).");
        }

        var latest = MetricWindow.DateOf(now, zone).AddYears(ForecastPeriods.MaxYearsAhead);
        if (start > latest)
        {
            throw RequestValidationException.For("start", $"A forecast looks at most {ForecastPeriods.MaxYearsAhead} years ahead: start must be on or before {latest:yyyy-MM-dd}.");
        }
    }
}
