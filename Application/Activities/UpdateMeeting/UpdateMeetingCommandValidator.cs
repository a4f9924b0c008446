using FluentValidation;
using SalesCrm.Application.Activities.LogMeeting;
using SalesCrm.Domain.Activities;

namespace SalesCrm.Application.Activities.UpdateMeeting;

public sealed class UpdateMeetingCommandValidator : AbstractValidator<UpdateMeetingCommand>
{
    public UpdateMeetingCommandValidator(TimeProvider clock)
    {
        RuleFor(x => (DateTimeOffset?)x.OccurredAt).MeetingStart(clock).OverridePropertyName("occurredAt");
        RuleFor(x => x.Outcome).Must((m, outcome) => MeetingRules.OutcomeFitsStart(outcome, m.OccurredAt, clock))
            .WithMessage(MeetingRules.NotStartedYet);
        RuleFor(x => x.DurationSeconds).InclusiveBetween(0, ActivityRules.MaxDurationSeconds);
        RuleFor(x => x.Subject).MaximumLength(ActivityRules.SubjectLength);
        RuleFor(x => x.Notes).Notes();
    }
}
