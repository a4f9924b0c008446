using FluentValidation;
using SalesCrm.Domain.Pipelines;

namespace SalesCrm.Application.Pipelines;

/// <summary>Field rules shared by the commands that name pipelines and stages.</summary>
public static class PipelineValidation
{
    public static IRuleBuilderOptions<T, string> PipelineName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("{PropertyName} must not be empty.")
            .MaximumLength(PipelineRules.MaxNameLength);

    public static IRuleBuilderOptions<T, int> Probability<T>(this IRuleBuilder<T, int> rule) =>
        rule.Must(PipelineRules.IsProbability).WithMessage("{PropertyName} must be between 0 and 100.");

    public static IRuleBuilderOptions<T, int?> StaleAfterDays<T>(this IRuleBuilder<T, int?> rule) =>
        rule.Must(PipelineRules.IsStaleLimit)
            .WithMessage($"{{PropertyName}} must be between 1 and {PipelineRules.MaxStaleAfterDays} days, or null for no limit.");
}
