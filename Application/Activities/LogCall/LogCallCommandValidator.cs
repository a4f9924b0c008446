using FluentValidation;
using SalesCrm.Domain.Activities;

namespace SalesCrm.Application.Activities.LogCall;

public sealed class LogCallCommandValidator : AbstractValidator<LogCallCommand>
{
    public LogCallCommandValidator(TimeProvider clock)
    {
        this.AddActivityRules(clock);
        RuleFor(x => x.DurationSeconds).InclusiveBetween(0, ActivityRules.MaxDurationSeconds);
        RuleFor(x => x.Notes).Notes();
    }
}
