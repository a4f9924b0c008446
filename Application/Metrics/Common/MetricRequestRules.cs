using FluentValidation;

namespace SalesCrm.Application.Metrics.Common;

/// <summary>What every windowed metric request has: a window of calendar dates, an optional bucket, and a subject.</summary>
public interface IWindowedMetricRequest
{
    DateOnly From { get; }

    DateOnly To { get; }

    Bucket? Bucket { get; }
}

public static class MetricRequestRules
{
    /// <summary><c>from</c> before <c>to</c>, at most <see cref="MetricWindow.MaxDays"/> days, at most <see cref="Buckets.MaxPoints"/> points.</summary>
    public static void AddWindowRules<T>(this AbstractValidator<T> validator)
        where T : IWindowedMetricRequest
    {
        validator.RuleFor(x => x.From).GreaterThanOrEqualTo(MetricWindow.EarliestDate)
            .WithMessage($"from must be on or after {MetricWindow.EarliestDate:yyyy-MM-dd}.");
        validator.RuleFor(x => x.To).LessThanOrEqualTo(MetricWindow.LatestDate)
            .WithMessage($"to must be on or before {MetricWindow.LatestDate:yyyy-MM-dd}.");
        validator.RuleFor(x => x.To).GreaterThan(x => x.From).WithMessage("to must be after from (from is inclusive, to exclusive).");
        validator.RuleFor(x => x.To)
            .Must((request, to) => to.DayNumber - request.From.DayNumber <= MetricWindow.MaxDays)
            .When(x => x.To > x.From)
            .WithMessage($"A window spans at most {MetricWindow.MaxDays} days.");
        validator.RuleFor(x => x.Bucket).IsInEnum();
        validator.RuleFor(x => x.Bucket)
            .Must((request, bucket) => Buckets.CountPoints(request.From, request.To, bucket!.Value) <= Buckets.MaxPoints)
            .When(x => x.Bucket is not null && x.To > x.From && x.To.DayNumber - x.From.DayNumber <= MetricWindow.MaxDays)
            .WithMessage($"That bucket would return more than {Buckets.MaxPoints} points; choose a coarser bucket or a shorter window.");
    }
}
