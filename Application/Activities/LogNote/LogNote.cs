using Mediator;
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
    string? ExternalId = null) : ICommand<LoggedActivity>, IActivityInput
{
    public NewActivity Describe(NewActivity activity) => activity with { Body = Body };
}

public sealed class LogNoteCommandHandler(ActivityRecorder recorder) : ICommandHandler<LogNoteCommand, LoggedActivity>
{
    public async ValueTask<LoggedActivity> Handle(LogNoteCommand command, CancellationToken cancellationToken) =>
        await recorder.RecordAsync(command, ActivityType.Note, cancellationToken);
}
