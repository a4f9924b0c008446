using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Contacts;

namespace SalesCrm.Application.Opportunities;

/// <summary>Loads the opportunity a route names: missing, deleted (unless asked for) or outside the caller's scope all answer 404.</summary>
public static class OpportunityAccess
{
    public static async Task<OpportunityRecord> RequireInScopeAsync(
        this IOpportunityStore opportunities, ICurrentUser caller, Guid id, CancellationToken cancellationToken, bool includeDeleted = false) =>
        await opportunities.FindAsync(id, includeDeleted, cancellationToken) is { } record
        && OwnerScope.For(caller).Covers(record.Opportunity.OwnerId, record.OwnerTeamId)
            ? record
            : throw new NotFoundException("opportunity");

    /// <summary>A guarded write whose If-Match names another version than the one just read fails before anything else is checked.</summary>
    public static void EnsureVersion(this OpportunityRecord record, int expectedVersion) =>
        Versions.EnsureWritten(record.Version == expectedVersion);

    /// <summary>The primary contact must be visible and, when the contact works at an account, work at the opportunity's.</summary>
    public static async Task EnsurePrimaryContactAsync(
        this IContactStore contacts, RecordLinks links, Guid? contactId, Guid accountId, CancellationToken cancellationToken)
    {
        if (contactId is not { } id)
        {
            return;
        }

        await links.EnsureLinkableAsync(RecordKind.Contact, id, "primaryContactId", cancellationToken);
        if (await contacts.FindAsync(id, cancellationToken) is { AccountId: { } contactAccount } && contactAccount != accountId)
        {
            throw RequestValidationException.For("primaryContactId", "This contact works at another account than the opportunity's.");
        }
    }
}
