using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.FollowUps.CompleteFollowUp;
using SalesCrm.Domain.FollowUps;

namespace SalesCrm.Application.FollowUps.CancelFollowUp;

/// <summary>The planned touch will not happen. Only an open follow-up can be cancelled (else 409).</summary>
public sealed record CancelFollowUpCommand(Guid Id, int? ExpectedVersion, DateTimeOffset? CancelledAt) : ICommand<FollowUpDto>;

public sealed class CancelFollowUpCommandHandler(ICurrentUser caller, IFollowUpStore store, TimeProvider clock)
    : ICommandHandler<CancelFollowUpCommand, FollowUpDto>
{
    public async ValueTask<FollowUpDto> Handle(CancelFollowUpCommand command, CancellationToken cancellationToken)
    {
        var scope = OwnerScope.For(caller);
        var followUp = await FollowUpClosings.OpenAsync(store, scope, command.Id, command.ExpectedVersion, cancellationToken);
        var cancelledAt = clock.OccurredOrNow(command.CancelledAt);
        if (cancelledAt < followUp.CreatedAt)
        {
            throw RequestValidationException.For("cancelledAt", "cancelledAt must not be before the follow-up was created.");
        }

        return await FollowUpClosings.CloseAsync(
            store, scope, followUp, new FollowUpClosing(followUp.Id, FollowUpStatus.Cancelled, cancelledAt, null), clock, cancellationToken);
    }
}

public sealed class CancelFollowUpCommandValidator : AbstractValidator<CancelFollowUpCommand>
{
    public CancelFollowUpCommandValidator(TimeProvider clock) => RuleFor(x => x.CancelledAt).NotInFuture(clock);
}
