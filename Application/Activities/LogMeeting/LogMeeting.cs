using Mediator;
using SalesCrm.Application.Common.Records;
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
    string? ExternalId = null) : ICommand<CreateOutcome<ActivityDto>>, IActivityInput
{
    public NewActivity Describe(NewActivity activity) => activity with
    {
        Outcome = (Outcome ?? MeetingOutcome.Scheduled).ToActivityOutcome(),
        DurationSeconds = DurationSeconds,
        Subject = RecordText.Optional(Subject),
        Body = RecordText.Optional(Notes),
    };
}

public sealed class LogMeetingCommandHandler(ActivityRecorder recorder) : ICommandHandler<LogMeetingCommand, CreateOutcome<ActivityDto>>
{
    public async ValueTask<CreateOutcome<ActivityDto>> Handle(LogMeetingCommand command, CancellationToken cancellationToken) =>
        await recorder.RecordAsync(command, ActivityType.Meeting, cancellationToken);
}
