using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Leads;

namespace SalesCrm.Application.Leads.UpdateLead;

/// <summary>
/// Replaces a lead's details and status (never its owner); guarded by its version. <c>converted</c> is set only by
/// conversion, and a converted lead stays converted.
/// </summary>
public sealed record UpdateLeadCommand(
    Guid Id,
    int? ExpectedVersion,
    string Name,
    string? Company,
    string? Email,
    string? Phone,
    string? Source,
    LeadStatus Status,
    string? DisqualificationReason) : ICommand<LeadDto>;

public sealed class UpdateLeadCommandHandler(ILeadStore leads, ICurrentUser caller) : ICommandHandler<UpdateLeadCommand, LeadDto>
{
    public async ValueTask<LeadDto> Handle(UpdateLeadCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var lead = await leads.FindInScopeAsync(caller, command.Id, cancellationToken);
        if (lead.Status == LeadStatus.Converted && command.Status != LeadStatus.Converted)
        {
            throw new ConflictException("A converted lead stays converted.", "status");
        }

        if (lead.Status != LeadStatus.Converted && command.Status == LeadStatus.Converted)
        {
            throw RequestValidationException.For("status", "A lead becomes converted only through POST /api/v1/leads/{id}/convert.");
        }

        var updated = lead with
        {
            Name = command.Name.Trim(),
            Company = RecordText.Optional(command.Company),
            Email = RecordText.Optional(command.Email),
            Phone = RecordText.Optional(command.Phone),
            Source = RecordText.Optional(command.Source),
            Status = command.Status,
            DisqualificationReason = RecordText.Optional(command.DisqualificationReason),
            Version = expectedVersion + 1,
        };
        Versions.EnsureWritten(await leads.UpdateAsync(updated, expectedVersion, cancellationToken));
        return updated.ToDto();
    }
}
