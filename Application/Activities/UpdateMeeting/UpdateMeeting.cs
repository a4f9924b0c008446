using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Activities;

namespace SalesCrm.Application.Activities.UpdateMeeting;

/// <summary>
/// After (or before) a meeting: set its outcome, reschedule it, fix its duration, subject or notes. Owner and links
/// never change here. Guarded by the meeting's version (If-Match).
/// </summary>
public sealed record UpdateMeetingCommand(
    Guid Id,
    int? ExpectedVersion,
    DateTimeOffset OccurredAt,
    int DurationSeconds,
    MeetingOutcome Outcome,
    string? Subject,
    string? Notes) : ICommand<ActivityDto>;

public sealed class UpdateMeetingCommandHandler(ICurrentUser caller, IActivityStore store)
    : ICommandHandler<UpdateMeetingCommand, ActivityDto>
{
    public async ValueTask<ActivityDto> Handle(UpdateMeetingCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var scope = OwnerScope.For(caller);
        var meeting = await store.FindAsync(command.Id, scope, cancellationToken);
        if (meeting is not { Type: ActivityType.Meeting })
        {
            throw new NotFoundException("meeting");
        }

        var change = new MeetingChange(
            meeting.Id, HistoryRules.Truncate(command.OccurredAt), command.DurationSeconds, command.Outcome,
            RecordText.Optional(command.Subject), RecordText.Optional(command.Notes), expectedVersion + 1);
        Versions.EnsureWritten(await store.UpdateMeetingAsync(change, expectedVersion, cancellationToken));
        return await store.FindAsync(meeting.Id, scope, cancellationToken) ?? throw new NotFoundException("meeting");
    }
}
