using SalesCrm.Application.Common.Paging;

namespace SalesCrm.Application.Accounts;

public interface IAccountStore
{
    /// <summary>The account, deleted or not.</summary>
    Task<AccountRecord?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<AccountRecord?> FindByExternalIdAsync(string externalSource, string externalId, CancellationToken cancellationToken);

    /// <summary>Inserts the account; false when its (source, externalId) is already taken.</summary>
    Task<bool> TryInsertAsync(AccountRecord account, CancellationToken cancellationToken);

    /// <summary>Writes name, domain and industry when the live account still has <paramref name="expectedVersion"/>.</summary>
    Task<bool> UpdateAsync(AccountRecord account, int expectedVersion, CancellationToken cancellationToken);

    Task<bool> SetOwnerAsync(Guid id, Guid ownerId, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>Marks a live account deleted; false when it is missing or already deleted.</summary>
    Task<bool> DeleteAsync(Guid id, DateTimeOffset deletedAt, Guid deletedBy, CancellationToken cancellationToken);

    Task<bool> RestoreAsync(Guid id, CancellationToken cancellationToken);

    Task<Page<AccountDto>> ListAsync(AccountListFilter filter, CancellationToken cancellationToken);
}

public sealed record AccountListFilter(
    Guid? OwnerId,
    Guid? TeamId,
    string? Search,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedTo,
    ListSort Sort,
    int Limit,
    SortPosition? After);
