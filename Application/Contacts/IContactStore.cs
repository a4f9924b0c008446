using SalesCrm.Application.Common.Paging;

namespace SalesCrm.Application.Contacts;

public interface IContactStore
{
    /// <summary>The contact, deleted or not.</summary>
    Task<ContactRecord?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<ContactRecord?> FindByExternalIdAsync(string externalSource, string externalId, CancellationToken cancellationToken);

    /// <summary>Inserts the contact; false when its (source, externalId) is already taken.</summary>
    Task<bool> TryInsertAsync(ContactRecord contact, CancellationToken cancellationToken);

    /// <summary>Writes account, names, email, phone and title when the live contact still has <paramref name="expectedVersion"/>.</summary>
    Task<bool> UpdateAsync(ContactRecord contact, int expectedVersion, CancellationToken cancellationToken);

    Task<bool> SetOwnerAsync(Guid id, Guid ownerId, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>Marks a live contact deleted; false when it is missing or already deleted.</summary>
    Task<bool> DeleteAsync(Guid id, DateTimeOffset deletedAt, Guid deletedBy, CancellationToken cancellationToken);

    Task<bool> RestoreAsync(Guid id, CancellationToken cancellationToken);

    Task<Page<ContactDto>> ListAsync(ContactListFilter filter, CancellationToken cancellationToken);
}

public sealed record ContactListFilter(
    Guid? OwnerId,
    Guid? TeamId,
    Guid? AccountId,
    string? Search,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedTo,
    ListSort Sort,
    int Limit,
    SortPosition? After);
