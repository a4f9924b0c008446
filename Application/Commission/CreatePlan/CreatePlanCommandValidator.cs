using FluentValidation;
using SalesCrm.Domain.Commission;

namespace SalesCrm.Application.Commission.CreatePlan;

public sealed class CreatePlanCommandValidator : AbstractValidator<CreatePlanCommand>
{
    public CreatePlanCommandValidator()
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("name is required.").MaximumLength(200);
        RuleFor(x => x.BasePay).Must(v => v >= 0 && v <= CommissionFormula.MaxMoney && CommissionFormula.HasStoredPrecision(v))
            .WithMessage("basePay must be 0 or more, at most 1,000,000,000,000, with at most 4 decimal places.");
        RuleFor(x => x.Target).Must(v => v > 0 && v <= CommissionFormula.MaxMoney && CommissionFormula.HasStoredPrecision(v))
            .WithMessage("target (revenue per period) must be above 0, at most 1,000,000,000,000, with at most 4 decimal places.");
        RuleFor(x => x.Rate).Must(v => v >= 0 && v <= CommissionFormula.MaxFraction && CommissionFormula.HasStoredPrecision(v))
            .WithMessage("rate is a fraction of won revenue (0.1 = 10%): 0 or more, at most 100, with at most 4 decimal places.");
        RuleFor(x => x.Threshold).Must(v => v >= 0 && v <= CommissionFormula.MaxFraction && CommissionFormula.HasStoredPrecision(v))
            .WithMessage("threshold is the attainment (won / target) at which commission starts (1.0 = target met): 0 or more, at most 100, with at most 4 decimal places.");
        RuleFor(x => x.Period).IsInEnum();
    }
}
