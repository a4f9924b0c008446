using SalesCrm.Application.Common.Paging;

namespace SalesCrm.Application.LostReasons;

public interface ILostReasonStore
{
    Task<LostReasonDto?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<Page<LostReasonDto>> ListAsync(bool includeArchived, int limit, Guid? after, CancellationToken cancellationToken);

    /// <summary>Inserts the reason; a taken name (case-insensitive) is a 409 on <c>name</c>.</summary>
    Task InsertAsync(LostReasonDto reason, CancellationToken cancellationToken);

    Task ArchiveAsync(Guid id, DateTimeOffset archivedAt, CancellationToken cancellationToken);
}
