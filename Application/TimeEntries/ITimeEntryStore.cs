using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.TimeEntries;

namespace SalesCrm.Application.TimeEntries;

public interface ITimeEntryStore
{
    Task InsertAsync(TimeEntryDto entry, Guid by, CancellationToken cancellationToken);

    /// <summary>A live entry whose owner is inside the scope, or null.</summary>
    Task<TimeEntryDto?> FindAsync(Guid id, OwnerScope scope, CancellationToken cancellationToken);

    /// <summary>Sets kind, time, duration and note when the version still matches.</summary>
    Task<bool> UpdateAsync(TimeEntryDto entry, int expectedVersion, CancellationToken cancellationToken);

    Task DeleteAsync(Guid id, Guid by, DateTimeOffset at, CancellationToken cancellationToken);

    Task<Page<TimeEntryDto>> ListAsync(TimeEntryListFilter filter, CancellationToken cancellationToken);
}

/// <summary>Entries that started in [From, To), newest first, for one rep or team, within the caller's scope.</summary>
public sealed record TimeEntryListFilter(
    OwnerScope Scope, Guid? OwnerId, Guid? TeamId, TimeEntryKind? Kind, DateTimeOffset? From, DateTimeOffset? To, int Limit, (string SortKey, Guid Id)? After);
