using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.FollowUps;

namespace SalesCrm.Application.FollowUps.CreateFollowUp;

/// <summary>
/// Plans the next touch on a lead or an opportunity (exactly one of them): a call, email or meeting due at a time not
/// before the follow-up's creation (<c>occurredAt</c>, default now, for imports of past plans).
/// </summary>
public sealed record CreateFollowUpCommand(
    FollowUpChannel Channel,
    DateTimeOffset DueAt,
    Guid? LeadId = null,
    Guid? OpportunityId = null,
    string? Notes = null,
    Guid? OwnerId = null,
    DateTimeOffset? OccurredAt = null,
    string? ExternalId = null) : ICommand<CreateOutcome<FollowUpDto>>;

public sealed class CreateFollowUpCommandHandler(
    ICurrentUser caller, OwnerAssignment owners, RecordLinks links, IFollowUpStore store, TimeProvider clock)
    : ICommandHandler<CreateFollowUpCommand, CreateOutcome<FollowUpDto>>
{
    public async ValueTask<CreateOutcome<FollowUpDto>> Handle(CreateFollowUpCommand command, CancellationToken cancellationToken)
    {
        var owner = await owners.ResolveAsync(command.OwnerId, cancellationToken);
        await links.EnsureLinkableAsync(RecordKind.Lead, command.LeadId, "leadId", cancellationToken);
        await links.EnsureLinkableAsync(RecordKind.Opportunity, command.OpportunityId, "opportunityId", cancellationToken);
        var (followUp, created) = await store.InsertAsync(new FollowUpRecord
        {
            Id = Ids.New(),
            OwnerId = owner.UserId,
            Channel = command.Channel,
            DueAt = HistoryRules.Truncate(command.DueAt),
            LeadId = command.LeadId,
            OpportunityId = command.OpportunityId,
            Notes = RecordText.Optional(command.Notes),
            Status = FollowUpStatus.Open,
            CreatedAt = clock.OccurredOrNow(command.OccurredAt),
            CreatedBy = caller.Id,
            ExternalSource = ExternalIds.SourceFor(caller, command.ExternalId),
            ExternalId = ExternalIds.Normalise(command.ExternalId),
            Version = 1,
        }, cancellationToken);
        return new CreateOutcome<FollowUpDto>(followUp.ToDto(clock.GetUtcNow()), created);
    }
}
