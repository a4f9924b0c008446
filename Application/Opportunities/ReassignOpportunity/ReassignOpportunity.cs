using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Common;

namespace SalesCrm.Application.Opportunities.ReassignOpportunity;

/// <summary>
/// Hands an opportunity to another owner and records who did it and when. Managers reassign within their team,
/// admins and integrations to anyone active; a rep cannot hand a deal away (their manager does). Guarded by the
/// opportunity's version; <c>occurredAt</c> (default now) lets imports record past reassignments, oldest first.
/// </summary>
public sealed record ReassignOpportunityCommand(Guid Id, int? ExpectedVersion, Guid OwnerId, DateTimeOffset? OccurredAt = null)
    : ICommand<OpportunityDto>;

public sealed class ReassignOpportunityCommandHandler(
    ICurrentUser caller, IOpportunityStore opportunities, OwnerAssignment owners, TimeProvider clock)
    : ICommandHandler<ReassignOpportunityCommand, OpportunityDto>
{
    public async ValueTask<OpportunityDto> Handle(ReassignOpportunityCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var record = await opportunities.RequireInScopeAsync(caller, command.Id, cancellationToken);
        RecordPermissions.EnsureMayReassign(caller);

        record.EnsureVersion(expectedVersion);
        var owner = await owners.ResolveAsync(command.OwnerId, cancellationToken);
        if (owner.UserId == record.Opportunity.OwnerId)
        {
            throw new ConflictException("This user already owns the opportunity.", "ownerId");
        }

        var occurredAt = clock.OccurredOrNow(command.OccurredAt);
        var latest = await opportunities.LatestOwnerChangeAsync(record.Id, cancellationToken);
        if (occurredAt < record.Opportunity.CreatedAt || occurredAt < latest)
        {
            throw RequestValidationException.For("occurredAt",
                "occurredAt must not be before the opportunity's creation or its latest reassignment (record history oldest first).");
        }

        var change = new OwnerChangeRecord(Ids.New(), record.Id, record.Opportunity.OwnerId, owner.UserId, occurredAt, caller.Id);
        Versions.EnsureWritten(await opportunities.ReassignAsync(change, expectedVersion, cancellationToken));
        return (await opportunities.FindAsync(record.Id, includeDeleted: false, cancellationToken))!.Opportunity;
    }
}

public sealed class ReassignOpportunityCommandValidator : FluentValidation.AbstractValidator<ReassignOpportunityCommand>
{
    public ReassignOpportunityCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.OwnerId).RequiredId();
        RuleFor(x => x.OccurredAt).NotInFuture(clock);
    }
}
