using Mediator;
using SalesCrm.Domain.Activities;

namespace SalesCrm.Application.Activities.LogMeeting;

/// <summary>
/// A meeting booked or held. <c>occurredAt</c> is its scheduled start, so unlike other activities it may lie in the
/// future (up to two years ahead); the outcome starts as <c>scheduled</c> and is updated once the meeting happened.
/// </summary>
public sealed record LogMeetingCommand(
    int DurationSeconds,
    MeetingOutcome? Outcome = null,
    string? Subject = null,
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
        Outcome = (Outcome ?? MeetingOutcome.Scheduled).ToActivityOutcome(),
        DurationSeconds = DurationSeconds,
        Subject = Subject,
        Body = Notes,
    };
}

public sealed class LogMeetingCommandHandler(ActivityRecorder recorder) : ICommandHandler<LogMeetingCommand, LoggedActivity>
{
    public async ValueTask<LoggedActivity> Handle(LogMeetingCommand command, CancellationToken cancellationToken) =>
        await recorder.RecordAsync(command, ActivityType.Meeting, cancellationToken);
}
