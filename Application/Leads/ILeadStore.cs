using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Leads;

namespace SalesCrm.Application.Leads;

public interface ILeadStore
{
    /// <summary>The lead, deleted or not.</summary>
    Task<LeadRecord?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<LeadRecord?> FindByExternalIdAsync(string externalSource, string externalId, CancellationToken cancellationToken);

    /// <summary>Inserts the lead; false when its (source, externalId) is already taken.</summary>
    Task<bool> TryInsertAsync(LeadRecord lead, CancellationToken cancellationToken);

    /// <summary>Writes the details, status and reason when the live lead still has <paramref name="expectedVersion"/>.</summary>
    Task<bool> UpdateAsync(LeadRecord lead, int expectedVersion, CancellationToken cancellationToken);

    Task<bool> SetOwnerAsync(Guid id, Guid ownerId, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>Marks a live lead deleted; false when it is missing or already deleted.</summary>
    Task<bool> DeleteAsync(Guid id, DateTimeOffset deletedAt, Guid deletedBy, CancellationToken cancellationToken);

    Task<bool> RestoreAsync(Guid id, CancellationToken cancellationToken);

    Task<Page<LeadDto>> ListAsync(LeadListFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: the new account (unless an existing one is reused), the contact, the opportunity in the first
    /// open stage of its pipeline with its first stage move, and the lead marked converted. Nothing is written unless
    /// all of it is.
    /// </summary>
    Task<LeadConversionOutcome> ConvertAsync(LeadConversion conversion, CancellationToken cancellationToken);
}

public sealed record LeadListFilter(
    OwnerScope Scope,
    Guid? OwnerId,
    Guid? TeamId,
    LeadStatus? Status,
    string? Source,
    string? Search,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedTo,
    ListSort Sort,
    int Limit,
    SortPosition? After);
