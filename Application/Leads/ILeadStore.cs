using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Leads;

namespace SalesCrm.Application.Leads;

public interface ILeadStore : IRecordStore<LeadRecord>
{
    /// <summary>Writes the details, status and reason when the live lead still has <paramref name="expectedVersion"/>.</summary>
    Task<bool> UpdateAsync(LeadRecord lead, int expectedVersion, CancellationToken cancellationToken);

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
    SortedPage Page);
