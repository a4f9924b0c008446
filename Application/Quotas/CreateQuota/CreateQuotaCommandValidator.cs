using FluentValidation;
using SalesCrm.Domain.Quotas;

namespace SalesCrm.Application.Quotas.CreateQuota;

public sealed class CreateQuotaCommandValidator : AbstractValidator<CreateQuotaCommand>
{
    public CreateQuotaCommandValidator()
    {
        RuleFor(x => x.Period).IsInEnum();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.PeriodStart).Must((command, start) => QuotaPeriods.IsPeriodStart(command.Period, start))
            .WithMessage("periodStart must be the first day of the period (a month's 1st; 1 January, April, July or October for quarters; 1 January for years).");
        RuleFor(x => x.Target).QuotaTarget(x => x.Kind);
    }
}

public static class QuotaValidation
{
    public static IRuleBuilderOptions<T, decimal> QuotaTarget<T>(this IRuleBuilder<T, decimal> rule, Func<T, QuotaKind> kind) =>
        rule.Must((command, target) => QuotaPeriods.IsValidTarget(kind(command), target))
            .WithMessage("target must be above 0: at most 1,000,000,000,000 with 4 decimal places for revenue, a whole number up to 100,000 for deals.");
}
