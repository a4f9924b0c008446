using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Contacts;

public interface IContactStore : IRecordStore<ContactRecord>
{
    /// <summary>Writes account, names, email, phone and title when the live contact still has <paramref name="expectedVersion"/>.</summary>
    Task<bool> UpdateAsync(ContactRecord contact, int expectedVersion, CancellationToken cancellationToken);

    Task<Page<ContactDto>> ListAsync(ContactListFilter filter, CancellationToken cancellationToken);
}

public sealed record ContactListFilter(
    Guid? OwnerId,
    Guid? TeamId,
    Guid? AccountId,
    string? Search,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedTo,
    SortedPage Page);
