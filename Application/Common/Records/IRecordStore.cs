namespace SalesCrm.Application.Common.Records;

/// <summary>The reads and writes every owned, soft-deletable record kind (account, contact, lead) offers alike.</summary>
public interface IRecordStore<TRecord>
    where TRecord : class
{
    /// <summary>The record, deleted or not.</summary>
    Task<TRecord?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<TRecord?> FindByExternalIdAsync(string externalSource, string externalId, CancellationToken cancellationToken);

    /// <summary>Inserts the record; false when its (source, externalId) is already taken.</summary>
    Task<bool> TryInsertAsync(TRecord record, CancellationToken cancellationToken);

    /// <summary>Sets the owner when the live record still has <paramref name="expectedVersion"/>.</summary>
    Task<bool> SetOwnerAsync(Guid id, Guid ownerId, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>Marks a live record deleted; false when it is missing or already deleted.</summary>
    Task<bool> DeleteAsync(Guid id, DateTimeOffset deletedAt, Guid deletedBy, CancellationToken cancellationToken);

    /// <summary>Clears a record's deletion marks; false when it is missing or not deleted.</summary>
    Task<bool> RestoreAsync(Guid id, CancellationToken cancellationToken);
}
