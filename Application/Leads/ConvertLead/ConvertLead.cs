using Mediator;
using SalesCrm.Application.Accounts;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Contacts;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.Leads;

namespace SalesCrm.Application.Leads.ConvertLead;

/// <summary>
/// Turns a lead into an account (new, or an existing one reused), a contact and an opportunity that remembers the lead,
/// all in one transaction, and marks the lead converted. Guarded by the lead's version.
/// </summary>
public sealed record ConvertLeadCommand(
    Guid Id,
    int? ExpectedVersion,
    ConvertLeadOpportunity Opportunity,
    Guid? AccountId = null,
    ConvertLeadAccount? Account = null,
    ConvertLeadContact? Contact = null,
    DateTimeOffset? OccurredAt = null) : ICommand<LeadConversionDto>;

/// <summary>The opportunity to open; without <c>pipelineId</c> it goes into the default pipeline.</summary>
public sealed record ConvertLeadOpportunity(string Name, decimal Amount, DateOnly? ExpectedCloseDate = null, Guid? PipelineId = null);

/// <summary>The new account's details; by default its name is the lead's company (or, without one, the lead's name).</summary>
public sealed record ConvertLeadAccount(string Name, string? Domain = null, string? Industry = null);

/// <summary>The new contact's name; by default the lead's name split at its last space. Email and phone come from the lead.</summary>
public sealed record ConvertLeadContact(string FirstName, string LastName, string? Title = null);

/// <summary>What a conversion made (the account may be one that already existed) and the converted lead.</summary>
public sealed record LeadConversionDto(Guid AccountId, Guid ContactId, Guid OpportunityId, LeadDto Lead);

public sealed class ConvertLeadCommandHandler(
    ILeadStore leads,
    RecordLinks links,
    ICurrentUser caller,
    TimeProvider clock) : ICommandHandler<ConvertLeadCommand, LeadConversionDto>
{
    public async ValueTask<LeadConversionDto> Handle(ConvertLeadCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var lead = await leads.FindInScopeAsync(caller, command.Id, cancellationToken);
        if (!LeadRules.CanConvert(lead.Status))
        {
            throw new ConflictException($"A {lead.Status.ToName()} lead cannot be converted.");
        }

        var convertedAt = clock.OccurredOrNow(command.OccurredAt);
        if (convertedAt < lead.CreatedAt)
        {
            throw RequestValidationException.For("occurredAt", "A lead cannot be converted before it was created.");
        }

        await links.EnsureLinkableAsync(RecordKind.Account, command.AccountId, "accountId", cancellationToken);
        var (firstName, lastName) = command.Contact is { } named
            ? (named.FirstName.Trim(), named.LastName.Trim())
            : LeadRules.SplitName(lead.Name) ?? throw RequestValidationException.For(
                "contact", "The lead's name is a single word; give the contact's firstName and lastName.");

        var newAccount = command.AccountId is null ? NewAccount(lead, command.Account, convertedAt) : null;
        var accountId = command.AccountId ?? newAccount!.Id;
        var contact = new ContactRecord
        {
            Id = Ids.New(),
            AccountId = accountId,
            FirstName = firstName,
            LastName = lastName,
            Email = lead.Email,
            Phone = lead.Phone,
            Title = RecordText.Optional(command.Contact?.Title),
            OwnerId = lead.OwnerId,
            CreatedAt = convertedAt,
            CreatedBy = caller.Id,
            Version = 1,
        };
        var opportunity = new ConvertedOpportunity(
            Ids.New(),
            command.Opportunity.Name.Trim(),
            command.Opportunity.Amount,
            command.Opportunity.ExpectedCloseDate,
            command.Opportunity.PipelineId,
            Ids.New());

        var outcome = await leads.ConvertAsync(
            new LeadConversion(lead.Id, expectedVersion, accountId, newAccount, contact, opportunity, convertedAt, caller.Id, clock.Now()),
            cancellationToken);
        return outcome switch
        {
            LeadConversionOutcome.Converted => new LeadConversionDto(
                accountId, contact.Id, opportunity.Id, (await leads.FindInScopeAsync(caller, lead.Id, cancellationToken)).ToDto()),
            LeadConversionOutcome.NoStartingStage when command.Opportunity.PipelineId is null =>
                throw new ConflictException("There is no default pipeline with an open stage; name a pipelineId."),
            LeadConversionOutcome.NoStartingStage => throw RequestValidationException.For(
                "opportunity.pipelineId", "No active pipeline with an open stage has this id."),
            _ => throw new PreconditionFailedException("The lead changed since it was read; reload it and retry."),
        };
    }

    private AccountRecord NewAccount(LeadRecord lead, ConvertLeadAccount? details, DateTimeOffset convertedAt) => new()
    {
        Id = Ids.New(),
        Name = details?.Name.Trim() ?? lead.Company ?? lead.Name,
        Domain = RecordText.Optional(details?.Domain),
        Industry = RecordText.Optional(details?.Industry),
        OwnerId = lead.OwnerId,
        CreatedAt = convertedAt,
        CreatedBy = caller.Id,
        Version = 1,
    };
}
