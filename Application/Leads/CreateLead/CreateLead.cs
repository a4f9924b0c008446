using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.Leads;

namespace SalesCrm.Application.Leads.CreateLead;

/// <summary>
/// Records a lead, <c>new</c> unless another status is given (never <c>converted</c>). The owner defaults to the caller
/// (integrations name one); <c>occurredAt</c> back-dates it for imports; a known <c>externalId</c> of this caller returns
/// the existing lead unchanged.
/// </summary>
public sealed record CreateLeadCommand(
    string Name,
    string? Company = null,
    string? Email = null,
    string? Phone = null,
    string? Source = null,
    LeadStatus? Status = null,
    string? DisqualificationReason = null,
    Guid? OwnerId = null,
    string? ExternalId = null,
    DateTimeOffset? OccurredAt = null) : ICommand<CreateOutcome<LeadDto>>;

public sealed class CreateLeadCommandHandler(
    ILeadStore leads,
    OwnerAssignment owners,
    ICurrentUser caller,
    TimeProvider clock) : ICommandHandler<CreateLeadCommand, CreateOutcome<LeadDto>>
{
    public async ValueTask<CreateOutcome<LeadDto>> Handle(CreateLeadCommand command, CancellationToken cancellationToken)
    {
        var owner = await owners.ResolveAsync(command.OwnerId, cancellationToken);
        var externalId = ExternalIds.Normalise(command.ExternalId);
        var lead = new LeadRecord
        {
            Id = Ids.New(),
            Name = command.Name.Trim(),
            Company = RecordText.Optional(command.Company),
            Email = RecordText.Optional(command.Email),
            Phone = RecordText.Optional(command.Phone),
            Source = RecordText.Optional(command.Source),
            OwnerId = owner.UserId,
            OwnerTeamId = owner.TeamId,
            Status = command.Status ?? LeadStatus.New,
            DisqualificationReason = RecordText.Optional(command.DisqualificationReason),
            CreatedAt = clock.OccurredOrNow(command.OccurredAt),
            CreatedBy = caller.Id,
            ExternalSource = ExternalIds.SourceFor(caller, externalId),
            ExternalId = externalId,
            Version = 1,
        };

        return await leads.InsertOrFindAsync(
            lead,
            lead.ExternalSource,
            externalId,
            lead.ToDto(),
            existing => existing.DeletedAt is null && OwnerScope.For(caller).Covers(existing.OwnerId, existing.OwnerTeamId)
                ? existing.ToDto()
                : throw new ConflictException("This externalId belongs to a lead that was deleted or is no longer in your scope.", "externalId"),
            cancellationToken);
    }
}
