using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Contacts;

namespace SalesCrm.Application.Opportunities.UpdateOpportunity;

/// <summary>
/// Replaces an opportunity's details (name, amount, expected close date, primary contact, competitor); guarded by
/// its version. Owner and stage are not part of it: they change only through reassignment and stage moves.
/// </summary>
public sealed record UpdateOpportunityCommand(
    Guid Id,
    int? ExpectedVersion,
    string Name,
    decimal Amount,
    DateOnly? ExpectedCloseDate = null,
    Guid? PrimaryContactId = null,
    string? Competitor = null) : ICommand<OpportunityDto>;

public sealed class UpdateOpportunityCommandHandler(ICurrentUser caller, IOpportunityStore opportunities, IContactStore contacts, RecordLinks links)
    : ICommandHandler<UpdateOpportunityCommand, OpportunityDto>
{
    public async ValueTask<OpportunityDto> Handle(UpdateOpportunityCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var record = await opportunities.RequireInScopeAsync(caller, command.Id, cancellationToken);
        record.EnsureVersion(expectedVersion);
        if (command.PrimaryContactId != record.Opportunity.PrimaryContactId)
        {
            await contacts.EnsurePrimaryContactAsync(links, command.PrimaryContactId, record.Opportunity.AccountId, cancellationToken);
        }

        var changes = new OpportunityChanges(
            command.Name.Trim(), command.Amount, command.ExpectedCloseDate, command.PrimaryContactId,
            RecordText.Optional(command.Competitor));
        Versions.EnsureWritten(await opportunities.UpdateAsync(command.Id, changes, expectedVersion, cancellationToken));
        return (await opportunities.RequireInScopeAsync(caller, command.Id, cancellationToken)).Opportunity;
    }
}

public sealed class UpdateOpportunityCommandValidator : FluentValidation.AbstractValidator<UpdateOpportunityCommand>
{
    public UpdateOpportunityCommandValidator()
    {
        RuleFor(x => x.Name).OpportunityName();
        RuleFor(x => x.Amount).Amount();
        RuleFor(x => x.ExpectedCloseDate).CloseDate();
        RuleFor(x => x.Competitor).Competitor();
    }
}
