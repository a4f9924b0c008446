using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Contacts;
using SalesCrm.Application.Pipelines;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.Pipelines;

namespace SalesCrm.Application.Opportunities.CreateOpportunity;

/// <summary>
/// Records a new deal at an account. It starts in <c>stageId</c> (an open, unarchived stage) or the first open stage
/// of <c>pipelineId</c> (the default pipeline when neither is given); its creation is the first entry of its stage
/// history. <c>occurredAt</c> (default now) back-dates the creation for imports.
/// </summary>
public sealed record CreateOpportunityCommand(
    string Name,
    Guid AccountId,
    decimal Amount,
    Guid? PrimaryContactId = null,
    Guid? OwnerId = null,
    Guid? PipelineId = null,
    Guid? StageId = null,
    DateOnly? ExpectedCloseDate = null,
    string? Competitor = null,
    Guid? LeadId = null,
    string? ExternalId = null,
    DateTimeOffset? OccurredAt = null) : ICommand<CreateOutcome<OpportunityDto>>;

public sealed class CreateOpportunityCommandHandler(
    ICurrentUser caller,
    IOpportunityStore opportunities,
    IPipelineStore pipelines,
    IContactStore contacts,
    RecordLinks links,
    OwnerAssignment owners,
    TimeProvider clock) : ICommandHandler<CreateOpportunityCommand, CreateOutcome<OpportunityDto>>
{
    public async ValueTask<CreateOutcome<OpportunityDto>> Handle(CreateOpportunityCommand command, CancellationToken cancellationToken)
    {
        var externalId = ExternalIds.Normalise(command.ExternalId);
        var source = ExternalIds.SourceFor(caller, externalId);
        if (source is not null && await ExistingAsync(source, externalId!, cancellationToken) is { } existing)
        {
            return new CreateOutcome<OpportunityDto>(existing, Created: false);
        }

        await links.EnsureLinkableAsync(RecordKind.Account, command.AccountId, "accountId", cancellationToken);
        await contacts.EnsurePrimaryContactAsync(links, command.PrimaryContactId, command.AccountId, cancellationToken);
        await links.EnsureLinkableAsync(RecordKind.Lead, command.LeadId, "leadId", cancellationToken);
        var owner = await owners.ResolveAsync(command.OwnerId, cancellationToken);
        var stage = await StartingStageAsync(command, cancellationToken);

        var createdAt = clock.OccurredOrNow(command.OccurredAt);
        var opportunity = new NewOpportunity(
            Ids.New(), command.Name.Trim(), command.AccountId, command.PrimaryContactId, owner.UserId, stage.PipelineId, stage.Id,
            command.Amount, command.ExpectedCloseDate, command.LeadId, RecordText.Optional(command.Competitor),
            createdAt, caller.Id, source, externalId);
        var creation = new StageMoveRecord(Ids.New(), opportunity.Id, null, stage.Id, createdAt, caller.Id, clock.Now(), null);
        if (!await opportunities.InsertAsync(opportunity, creation, cancellationToken))
        {
            // Another request with the same external id won the race: answer as its retry would.
            return new CreateOutcome<OpportunityDto>(await ExistingAsync(source!, externalId!, cancellationToken)
                ?? throw new ConflictException("An opportunity with this externalId already exists.", "externalId"), Created: false);
        }

        var created = await opportunities.FindAsync(opportunity.Id, includeDeleted: false, cancellationToken);
        return new CreateOutcome<OpportunityDto>(created!.Opportunity, Created: true);
    }

    private async Task<OpportunityDto?> ExistingAsync(string source, string externalId, CancellationToken cancellationToken)
    {
        var existing = await opportunities.FindByExternalIdAsync(source, externalId, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        if (existing.DeletedAt is not null || !OwnerScope.For(caller).Covers(existing.Opportunity.OwnerId, existing.OwnerTeamId))
        {
            throw new ConflictException(
                "You created an opportunity with this externalId that is deleted or no longer yours; restore it or use another externalId.", "externalId");
        }

        return existing.Opportunity;
    }

    private async Task<StageDto> StartingStageAsync(CreateOpportunityCommand command, CancellationToken cancellationToken)
    {
        if (command.StageId is { } stageId)
        {
            var stage = await pipelines.FindStageAsync(stageId, cancellationToken);
            if (stage is null || (command.PipelineId is { } pipelineId && stage.PipelineId != pipelineId))
            {
                throw RequestValidationException.For("stageId", "No stage with this id is in the opportunity's pipeline.");
            }

            if (stage.ArchivedAt is not null || stage.Kind != StageKind.Open)
            {
                throw RequestValidationException.For("stageId",
                    "A new opportunity starts in an open, unarchived stage; record a close with a stage move after creating it.");
            }

            return stage;
        }

        var pipeline = command.PipelineId is { } id
            ? await pipelines.FindAsync(id, cancellationToken) ?? throw RequestValidationException.For("pipelineId", "No pipeline has this id.")
            : await pipelines.FindDefaultAsync(cancellationToken) ?? throw new ConflictException("No pipeline is the default; name one in pipelineId.");
        return pipeline.Stages.Where(s => s.Kind == StageKind.Open && s.ArchivedAt is null).MinBy(s => s.Position)
            ?? throw new ConflictException("This pipeline has no open stage to start in.");
    }
}
