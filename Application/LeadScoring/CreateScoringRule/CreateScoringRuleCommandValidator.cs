using FluentValidation;

namespace SalesCrm.Application.LeadScoring.CreateScoringRule;

public sealed class CreateScoringRuleCommandValidator : AbstractValidator<CreateScoringRuleCommand>
{
    public CreateScoringRuleCommandValidator()
    {
        RuleFor(x => x.Type).EventType();
        RuleFor(x => x.Points).Points();
    }
}
