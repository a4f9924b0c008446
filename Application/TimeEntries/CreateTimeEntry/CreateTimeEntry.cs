using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.TimeEntries;

namespace SalesCrm.Application.TimeEntries.CreateTimeEntry;

/// <summary>
/// Logs non-selling time. A rep logs their own; a manager for a rep of their team, an admin for anyone (<c>ownerId</c>).
/// <c>occurredAt</c> is when it started (default now, never in the future), so past weeks can be imported.
/// </summary>
public sealed record CreateTimeEntryCommand(
    TimeEntryKind Kind, int DurationMinutes, DateTimeOffset? OccurredAt = null, string? Note = null, Guid? OwnerId = null)
    : ICommand<TimeEntryDto>;

public sealed class CreateTimeEntryCommandHandler(OwnerAssignment owners, ITimeEntryStore entries, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<CreateTimeEntryCommand, TimeEntryDto>
{
    public async ValueTask<TimeEntryDto> Handle(CreateTimeEntryCommand command, CancellationToken cancellationToken)
    {
        var owner = await owners.ResolveAsync(command.OwnerId, cancellationToken);
        var now = clock.Now();
        var entry = new TimeEntryDto(
            Ids.New(), owner.UserId, command.Kind, clock.OccurredOrNow(command.OccurredAt), command.DurationMinutes,
            RecordText.Optional(command.Note), now, now, 1);
        await entries.InsertAsync(entry, caller.Id, cancellationToken);
        return entry;
    }
}

public sealed class CreateTimeEntryCommandValidator : AbstractValidator<CreateTimeEntryCommand>
{
    public CreateTimeEntryCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.DurationMinutes).Duration();
        RuleFor(x => x.OccurredAt).NotInFuture(clock);
        RuleFor(x => x.Note).Note();
    }
}
