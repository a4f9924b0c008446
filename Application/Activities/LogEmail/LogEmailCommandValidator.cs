using FluentValidation;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Activities;

namespace SalesCrm.Application.Activities.LogEmail;

public sealed class LogEmailCommandValidator : AbstractValidator<LogEmailCommand>
{
    public LogEmailCommandValidator(TimeProvider clock)
    {
        this.AddActivityRules(clock);
        RuleFor(x => x.Subject).NotEmpty().MaximumLength(ActivityRules.SubjectLength);
        RuleFor(x => x.Notes).Notes();
        RuleFor(x => x.RepliedAt).NotInFuture(clock);
        RuleFor(x => x.RepliedAt)
            .Must((email, repliedAt) => repliedAt is null || repliedAt >= (email.OccurredAt ?? clock.GetUtcNow() - HistoryRules.ClockTolerance))
            .WithMessage("repliedAt must not be before the email was sent (occurredAt).");
    }
}
