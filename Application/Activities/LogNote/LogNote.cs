using Mediator;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Activities;

namespace SalesCrm.Application.Activities.LogNote;

/// <summary>A free-text note on a lead, contact, account or opportunity.</summary>
public sealed record LogNoteCommand(
    string Body,
    DateTimeOffset? OccurredAt = null,
    Guid? OwnerId = null,
    Guid? LeadId = null,
    Guid? ContactId = null,
    Guid? AccountId = null,
    Guid? OpportunityId = null,
    string? ExternalId = null) : ICommand<CreateOutcome<ActivityDto>>, IActivityInput
{
    public NewActivity Describe(NewActivity activity) => activity with { Body = Body.Trim() };
}

public sealed class LogNoteCommandHandler(ActivityRecorder recorder) : ICommandHandler<LogNoteCommand, CreateOutcome<ActivityDto>>
{
    public async ValueTask<CreateOutcome<ActivityDto>> Handle(LogNoteCommand command, CancellationToken cancellationToken) =>
        await recorder.RecordAsync(command, ActivityType.Note, cancellationToken);
}
