using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Accounts;

public interface IAccountStore : IRecordStore<AccountRecord>
{
    /// <summary>Writes name, domain and industry when the live account still has <paramref name="expectedVersion"/>.</summary>
    Task<bool> UpdateAsync(AccountRecord account, int expectedVersion, CancellationToken cancellationToken);

    Task<Page<AccountDto>> ListAsync(AccountListFilter filter, CancellationToken cancellationToken);
}

public sealed record AccountListFilter(
    Guid? OwnerId,
    Guid? TeamId,
    string? Search,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedTo,
    SortedPage Page);
