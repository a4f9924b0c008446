using FluentValidation;
using SalesCrm.Domain.Activities;

namespace SalesCrm.Application.Activities.LogMeeting;

public sealed class LogMeetingCommandValidator : AbstractValidator<LogMeetingCommand>
{
    public LogMeetingCommandValidator(TimeProvider clock)
    {
        this.AddActivityRules(clock, futureAllowed: true);
        RuleFor(x => x.OccurredAt).MeetingStart(clock);
        RuleFor(x => x.Outcome).Must((m, outcome) => MeetingRules.OutcomeFitsStart(outcome, m.OccurredAt, clock))
            .WithMessage(MeetingRules.NotStartedYet);
        RuleFor(x => x.DurationSeconds).InclusiveBetween(0, ActivityRules.MaxDurationSeconds);
        RuleFor(x => x.Subject).MaximumLength(ActivityRules.SubjectLength);
        RuleFor(x => x.Notes).Notes();
    }
}

public static class MeetingRules
{
    public const string NotStartedYet = "A meeting that has not started yet can only be scheduled or cancelled.";

    /// <summary>Held and no-show describe a meeting whose start has passed.</summary>
    public static bool OutcomeFitsStart(MeetingOutcome? outcome, DateTimeOffset? start, TimeProvider clock) =>
        outcome is not (MeetingOutcome.Held or MeetingOutcome.NoShow)
        || start is null
        || start <= clock.GetUtcNow() + Common.Records.HistoryRules.ClockTolerance;

    public static IRuleBuilderOptions<T, DateTimeOffset?> MeetingStart<T>(this IRuleBuilder<T, DateTimeOffset?> rule, TimeProvider clock) =>
        rule.Must(at => at is null || at <= clock.GetUtcNow() + ActivityRules.MaxMeetingLead)
            .WithMessage("A meeting can be scheduled at most two years ahead.");
}
