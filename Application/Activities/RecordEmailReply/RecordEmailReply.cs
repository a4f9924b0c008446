using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Activities;

namespace SalesCrm.Application.Activities.RecordEmailReply;

/// <summary>
/// A reply to a logged email arrived (email sync usually learns this later). The first reply is what metrics count,
/// so a later reply time never overwrites an earlier one; recording the same reply again changes nothing.
/// </summary>
public sealed record RecordEmailReplyCommand(Guid Id, DateTimeOffset? RepliedAt) : ICommand<ActivityDto>;

public sealed class RecordEmailReplyCommandHandler(ICurrentUser caller, IActivityStore store, TimeProvider clock)
    : ICommandHandler<RecordEmailReplyCommand, ActivityDto>
{
    public async ValueTask<ActivityDto> Handle(RecordEmailReplyCommand command, CancellationToken cancellationToken)
    {
        var scope = OwnerScope.For(caller);
        var email = await store.FindAsync(command.Id, scope, cancellationToken);
        if (email is not { Type: ActivityType.Email })
        {
            throw new NotFoundException("email");
        }

        var repliedAt = clock.OccurredOrNow(command.RepliedAt);
        if (repliedAt < email.OccurredAt)
        {
            throw RequestValidationException.For("repliedAt", "repliedAt must not be before the email was sent (occurredAt).");
        }

        await store.RecordReplyAsync(email.Id, repliedAt, cancellationToken);
        return await store.FindAsync(email.Id, scope, cancellationToken) ?? throw new NotFoundException("email");
    }
}

public sealed class RecordEmailReplyCommandValidator : AbstractValidator<RecordEmailReplyCommand>
{
    public RecordEmailReplyCommandValidator(TimeProvider clock) => RuleFor(x => x.RepliedAt).NotInFuture(clock);
}
