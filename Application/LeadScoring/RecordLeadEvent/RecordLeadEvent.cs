using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Leads;
using SalesCrm.Domain.Common;

namespace SalesCrm.Application.LeadScoring.RecordLeadEvent;

/// <summary>
/// Records a scoring event on a lead in the caller's scope, worth the points its type's rule has now. <c>occurredAt</c>
/// back-dates it (history import, never the future); a known <c>externalId</c> of this caller returns the recorded
/// event unchanged.
/// </summary>
public sealed record RecordLeadEventCommand(Guid LeadId, string Type, DateTimeOffset? OccurredAt = null, string? ExternalId = null)
    : ICommand<CreateOutcome<LeadEventRecordedDto>>;

public sealed class RecordLeadEventCommandHandler(ILeadStore leads, ILeadScoringStore store, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<RecordLeadEventCommand, CreateOutcome<LeadEventRecordedDto>>
{
    public async ValueTask<CreateOutcome<LeadEventRecordedDto>> Handle(RecordLeadEventCommand command, CancellationToken cancellationToken)
    {
        var lead = await leads.FindInScopeAsync(caller, command.LeadId, cancellationToken);
        var externalId = ExternalIds.Normalise(command.ExternalId);
        var source = ExternalIds.SourceFor(caller, externalId);
        if (externalId is not null && await store.FindEventByExternalIdAsync(source!, externalId, cancellationToken) is { } known)
        {
            return await ExistingAsync(known, lead.Id, cancellationToken);
        }

        var rule = await store.FindRuleAsync(command.Type, cancellationToken)
            ?? throw RequestValidationException.For("type", $"No scoring rule for the event type '{command.Type}'; GET /api/v1/lead-scoring/rules lists them.");
        var now = clock.Now();
        var scoreEvent = new LeadScoreEventRecord(
            Ids.New(), lead.Id, rule.Type, rule.Points, clock.OccurredOrNow(command.OccurredAt), now, caller.Id, source, externalId);

        if (await store.TryRecordAsync(scoreEvent, cancellationToken) is { } outcome)
        {
            return new CreateOutcome<LeadEventRecordedDto>(new LeadEventRecordedDto(outcome.Event, outcome.Qualified, await CurrentAsync(lead.Id, cancellationToken)), Created: true);
        }

        var winner = await store.FindEventByExternalIdAsync(source!, externalId!, cancellationToken)
            ?? throw new ConflictException("The event could not be recorded; retry.");
        return await ExistingAsync(winner, lead.Id, cancellationToken);
    }

    private async Task<CreateOutcome<LeadEventRecordedDto>> ExistingAsync(LeadScoreEventDto known, Guid leadId, CancellationToken cancellationToken) =>
        known.LeadId == leadId
            ? new CreateOutcome<LeadEventRecordedDto>(new LeadEventRecordedDto(known, false, await CurrentAsync(leadId, cancellationToken)), Created: false)
            : throw new ConflictException("This externalId belongs to an event of another lead.", "externalId");

    private async Task<LeadDto> CurrentAsync(Guid leadId, CancellationToken cancellationToken) =>
        (await leads.FindAsync(leadId, cancellationToken))!.ToDto();
}
