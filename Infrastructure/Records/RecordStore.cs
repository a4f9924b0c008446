using Dapper;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Records;

/// <summary>
/// The reads and writes accounts, contacts and leads share. Each store keeps its statements as static fields (so the
/// ScriptDom tests parse them) and hands them here; what differs (insert, update, list filters) stays in the store.
/// </summary>
public abstract class RecordStore<TRecord>(IDbConnectionFactory connections, RecordStatements statements)
    : SqlStore(connections), IRecordStore<TRecord>
    where TRecord : class
{
    public Task<TRecord?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        QuerySingleOrDefaultAsync<TRecord>(statements.FindById, new { Id = id }, cancellationToken);

    public Task<TRecord?> FindByExternalIdAsync(string externalSource, string externalId, CancellationToken cancellationToken) =>
        QuerySingleOrDefaultAsync<TRecord>(
            statements.FindByExternalId, new { ExternalSource = externalSource, ExternalId = externalId }, cancellationToken);

    /// <summary>Each kind inserts its own columns.</summary>
    public abstract Task<bool> TryInsertAsync(TRecord record, CancellationToken cancellationToken);

    public async Task<bool> SetOwnerAsync(Guid id, Guid ownerId, int expectedVersion, CancellationToken cancellationToken) =>
        await ExecuteAsync(statements.SetOwner, new { Id = id, OwnerId = ownerId, ExpectedVersion = expectedVersion }, cancellationToken) == 1;

    public async Task<bool> DeleteAsync(Guid id, DateTimeOffset deletedAt, Guid deletedBy, CancellationToken cancellationToken) =>
        await ExecuteAsync(statements.SoftDelete, new { Id = id, DeletedAt = deletedAt, DeletedBy = deletedBy }, cancellationToken) == 1;

    public async Task<bool> RestoreAsync(Guid id, CancellationToken cancellationToken) =>
        await ExecuteAsync(statements.Restore, new { Id = id }, cancellationToken) == 1;

    /// <summary>
    /// One page of the live records that <paramref name="filters"/> (the list statement's other parameters) select, in
    /// the page's order, with the cursor to the next.
    /// </summary>
    protected async Task<Page<TDto>> ListPageAsync<TDto>(
        SortedPage page,
        object filters,
        Func<TRecord, (string Name, DateTimeOffset CreatedAt, Guid Id)> key,
        Func<TRecord, TDto> map,
        CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(RecordSql.AfterParameters(page.After));
        parameters.AddDynamicParams(filters);
        parameters.Add("Limit", page.Limit + 1);
        var rows = await QueryAsync<TRecord>(
            page.Sort == ListSort.Name ? statements.ListByName : statements.ListByNewest, parameters, cancellationToken);
        return RecordSql.Page(rows, page.Limit, page.Sort, key, map);
    }
}

/// <summary>A record kind's shared statements, each also a static field of its store.</summary>
public sealed record RecordStatements(
    Sql FindById,
    Sql FindByExternalId,
    Sql SetOwner,
    Sql SoftDelete,
    Sql Restore,
    Sql ListByName,
    Sql ListByNewest);
