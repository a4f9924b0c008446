using FluentValidation;
using Mediator;
using SalesCrm.Application.Activities;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.FollowUps;

namespace SalesCrm.Application.FollowUps.CompleteFollowUp;

/// <summary>
/// The planned touch happened: at <c>completedAt</c> (default now; not in the future, not before the follow-up was
/// created), optionally naming the activity that fulfilled it. Only an open follow-up can be completed (else 409).
/// </summary>
public sealed record CompleteFollowUpCommand(Guid Id, int? ExpectedVersion, DateTimeOffset? CompletedAt, Guid? FulfilledByActivityId)
    : ICommand<FollowUpDto>;

public sealed class CompleteFollowUpCommandHandler(ICurrentUser caller, IFollowUpStore store, IActivityStore activities, TimeProvider clock)
    : ICommandHandler<CompleteFollowUpCommand, FollowUpDto>
{
    public async ValueTask<FollowUpDto> Handle(CompleteFollowUpCommand command, CancellationToken cancellationToken)
    {
        var scope = OwnerScope.For(caller);
        var followUp = await FollowUpClosings.OpenAsync(store, scope, command.Id, command.ExpectedVersion, cancellationToken);
        var completedAt = clock.OccurredOrNow(command.CompletedAt);
        if (completedAt < followUp.CreatedAt)
        {
            throw RequestValidationException.For("completedAt", "completedAt must not be before the follow-up was created.");
        }

        if (command.FulfilledByActivityId is { } activityId && await activities.FindAsync(activityId, scope, cancellationToken) is null)
        {
            throw RequestValidationException.For("fulfilledByActivityId", "No activity with this id is visible to you.");
        }

        return await FollowUpClosings.CloseAsync(
            store, scope, followUp, new FollowUpClosing(followUp.Id, FollowUpStatus.Completed, completedAt, command.FulfilledByActivityId),
            clock, cancellationToken);
    }
}

public sealed class CompleteFollowUpCommandValidator : AbstractValidator<CompleteFollowUpCommand>
{
    public CompleteFollowUpCommandValidator(TimeProvider clock) => RuleFor(x => x.CompletedAt).NotInFuture(clock);
}

/// <summary>What completing and cancelling share: the follow-up must be in scope (404), open (409) and at the sent version (412).</summary>
public static class FollowUpClosings
{
    public static async Task<FollowUpRecord> OpenAsync(
        IFollowUpStore store, OwnerScope scope, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var followUp = await store.FindAsync(id, scope, cancellationToken) ?? throw new NotFoundException("follow-up");
        if (followUp.Status != FollowUpStatus.Open)
        {
            throw new ConflictException($"The follow-up is already {followUp.Status.ToString().ToLowerInvariant()}.");
        }

        return expectedVersion is { } version && version != followUp.Version
            ? throw new PreconditionFailedException("The record changed since it was read; reload it and retry.")
            : followUp;
    }

    public static async Task<FollowUpDto> CloseAsync(
        IFollowUpStore store, OwnerScope scope, FollowUpRecord followUp, FollowUpClosing closing, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await store.CloseAsync(closing, followUp.Version, cancellationToken))
        {
            // Someone else closed or changed it between our read and our write.
            _ = await OpenAsync(store, scope, followUp.Id, followUp.Version, cancellationToken);
            throw new PreconditionFailedException("The record changed since it was read; reload it and retry.");
        }

        var closed = await store.FindAsync(followUp.Id, scope, cancellationToken) ?? throw new NotFoundException("follow-up");
        return closed.ToDto(clock.GetUtcNow());
    }
}
