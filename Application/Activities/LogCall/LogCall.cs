using Mediator;
using SalesCrm.Domain.Activities;

namespace SalesCrm.Application.Activities.LogCall;

/// <summary>A rep (or a dialer) logs a call: direction, outcome, duration, notes, and what it was about.</summary>
public sealed record LogCallCommand(
    ActivityDirection Direction,
    CallOutcome Outcome,
    int DurationSeconds,
    string? Notes = null,
    DateTimeOffset? OccurredAt = null,
    Guid? OwnerId = null,
    Guid? LeadId = null,
    Guid? ContactId = null,
    Guid? AccountId = null,
    Guid? OpportunityId = null,
    string? ExternalId = null) : ICommand<LoggedActivity>, IActivityInput
{
    public NewActivity Describe(NewActivity activity) => activity with
    {
        Direction = Direction,
        Outcome = Outcome.ToActivityOutcome(),
        DurationSeconds = DurationSeconds,
        Body = Notes,
    };
}

public sealed class LogCallCommandHandler(ActivityRecorder recorder) : ICommandHandler<LogCallCommand, LoggedActivity>
{
    public async ValueTask<LoggedActivity> Handle(LogCallCommand command, CancellationToken cancellationToken) =>
        await recorder.RecordAsync(command, ActivityType.Call, cancellationToken);
}
