using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.TimeEntries;

namespace SalesCrm.Application.TimeEntries.UpdateTimeEntry;

/// <summary>Corrects a time entry's kind, start, duration or note; its owner never changes. Guarded by If-Match.</summary>
public sealed record UpdateTimeEntryCommand(
    Guid Id, int? ExpectedVersion, TimeEntryKind Kind, DateTimeOffset OccurredAt, int DurationMinutes, string? Note) : ICommand<TimeEntryDto>;

public sealed class UpdateTimeEntryCommandHandler(ICurrentUser caller, ITimeEntryStore entries, TimeProvider clock)
    : ICommandHandler<UpdateTimeEntryCommand, TimeEntryDto>
{
    public async ValueTask<TimeEntryDto> Handle(UpdateTimeEntryCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var entry = await entries.FindAsync(command.Id, OwnerScope.For(caller), cancellationToken) ?? throw new NotFoundException("time entry");
        var changed = entry with
        {
            Kind = command.Kind,
            OccurredAt = HistoryRules.Truncate(command.OccurredAt),
            DurationMinutes = command.DurationMinutes,
            Note = RecordText.Optional(command.Note),
            UpdatedAt = clock.Now(),
            Version = expectedVersion + 1,
        };
        Versions.EnsureWritten(await entries.UpdateAsync(changed, expectedVersion, cancellationToken));
        return changed;
    }
}

public sealed class UpdateTimeEntryCommandValidator : AbstractValidator<UpdateTimeEntryCommand>
{
    public UpdateTimeEntryCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.DurationMinutes).Duration();
        RuleFor(x => (DateTimeOffset?)x.OccurredAt).NotInFuture(clock).OverridePropertyName("occurredAt");
        RuleFor(x => x.Note).Note();
    }
}
