using FluentValidation;
using SalesCrm.Domain.LeadScoring;

namespace SalesCrm.Application.LeadScoring;

public static class ScoringRuleRules
{
    public static IRuleBuilderOptions<T, string> EventType<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(LeadScoringLimits.IsEventType)
            .WithMessage("type must be a snake_case key: a lowercase letter, then lowercase letters, digits or underscores, up to 50 characters.");

    public static IRuleBuilderOptions<T, int> Points<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(LeadScoringLimits.MinPoints, LeadScoringLimits.MaxPoints)
            .WithMessage($"points must be a whole number from {LeadScoringLimits.MinPoints} to {LeadScoringLimits.MaxPoints}.");
}
