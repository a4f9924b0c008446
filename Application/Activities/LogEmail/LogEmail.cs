using Mediator;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Activities;

namespace SalesCrm.Application.Activities.LogEmail;

/// <summary>An email sent or received (<c>occurredAt</c> is when it was sent), with the time a reply came if one did.</summary>
public sealed record LogEmailCommand(
    ActivityDirection Direction,
    string Subject,
    DateTimeOffset? RepliedAt = null,
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
        Direction = Direction,
        Subject = Subject.Trim(),
        Body = RecordText.Optional(Notes),
        RepliedAt = RepliedAt is { } at ? Common.Records.HistoryRules.Truncate(at) : null,
    };
}

public sealed class LogEmailCommandHandler(ActivityRecorder recorder) : ICommandHandler<LogEmailCommand, CreateOutcome<ActivityDto>>
{
    public async ValueTask<CreateOutcome<ActivityDto>> Handle(LogEmailCommand command, CancellationToken cancellationToken) =>
        await recorder.RecordAsync(command, ActivityType.Email, cancellationToken);
}
