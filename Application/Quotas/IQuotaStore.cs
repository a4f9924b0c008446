using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Quotas;

namespace SalesCrm.Application.Quotas;

public interface IQuotaStore
{
    /// <summary>Inserts the quota and its first history entry; 409 on <c>periodStart</c> when the rep already has one for that period.</summary>
    Task InsertAsync(QuotaDto quota, Guid by, CancellationToken cancellationToken);

    Task<QuotaDto?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Sets kind and target when the version still matches, appending to the history in the same transaction.</summary>
    Task<bool> UpdateAsync(Guid id, QuotaKind kind, decimal target, int expectedVersion, Guid by, DateTimeOffset at, CancellationToken cancellationToken);

    Task DeleteAsync(Guid id, Guid by, DateTimeOffset at, CancellationToken cancellationToken);

    Task<Page<QuotaDto>> ListAsync(QuotaListFilter filter, CancellationToken cancellationToken);

    Task<IReadOnlyList<QuotaChangeDto>> HistoryAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>Quotas overlapping [From, To), for one rep or team, within the caller's scope.</summary>
public sealed record QuotaListFilter(
    OwnerScope Scope, Guid? UserId, Guid? TeamId, QuotaPeriod? Period, DateOnly? From, DateOnly? To, int Limit, (string SortKey, Guid Id)? After);
