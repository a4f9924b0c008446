using FluentValidation;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Readiness;

public static class ReadinessRules
{
    public static IRuleBuilderOptions<T, DateOnly?> ReadinessDay<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(day => day is null || (day >= MetricWindow.EarliestDate && day < MetricWindow.LatestDate))
            .WithMessage($"asOf must be a date from {MetricWindow.EarliestDate:yyyy-MM-dd} to before {MetricWindow.LatestDate:yyyy-MM-dd}.");
}
