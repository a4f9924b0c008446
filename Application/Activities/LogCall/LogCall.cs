using Mediator;
using SalesCrm.Application.Common.Records;
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
    string? ExternalId = null) : ICommand<CreateOutcome<ActivityDto>>, IActivityInput
{
    public NewActivity Describe(NewActivity activity) => activity with
    {
        Direction = Direction,
        Outcome = Outcome.ToActivityOutcome(),
        DurationSeconds = DurationSeconds,
        Body = RecordText.Optional(Notes),
    };
}

public sealed class LogCallCommandHandler(ActivityRecorder recorder) : ICommandHandler<LogCallCommand, CreateOutcome<ActivityDto>>
{
    public async ValueTask<CreateOutcome<ActivityDto>> Handle(LogCallCommand command, CancellationToken cancellationToken) =>
        await recorder.RecordAsync(command, ActivityType.Call, cancellationToken);
}
