using SalesCrm.Application.Common.Abstractions;

namespace SalesCrm.Application.Common.Records;

/// <summary>An <c>externalId</c> is unique per caller: the caller's id (text, "D" format) is its source.</summary>
public static class ExternalIds
{
    public static string? SourceFor(ICurrentUser caller, string? externalId) =>
        externalId is null ? null : caller.Id.ToString("D");

    public static string? Normalise(string? externalId) => externalId?.Trim();
}

/// <summary>The create-or-return-existing flow every record with an <c>externalId</c> follows.</summary>
public static class ExternalIdUpsert
{
    /// <summary>
    /// Returns the caller's record already carrying the externalId (mapped by <paramref name="existing"/>, which may
    /// refuse it), or inserts the new one. A concurrent create with the same externalId loses the insert on the unique
    /// index and then returns the winner's record, so both callers see one record.
    /// </summary>
    public static async Task<CreateOutcome<TDto>> InsertOrFindAsync<TRecord, TDto>(
        string? externalId,
        Func<Task<TRecord?>> findExisting,
        Func<Task<bool>> tryInsert,
        TDto created,
        Func<TRecord, TDto> existing)
        where TRecord : class
    {
        if (externalId is not null && await findExisting() is { } found)
        {
            return new CreateOutcome<TDto>(existing(found), Created: false);
        }

        if (await tryInsert())
        {
            return new CreateOutcome<TDto>(created, Created: true);
        }

        var winner = externalId is null ? null : await findExisting();
        return winner is not null
            ? new CreateOutcome<TDto>(existing(winner), Created: false)
            : throw new Errors.ConflictException("The record could not be created; retry.");
    }

    /// <summary>The same flow over a record store: <paramref name="record"/> carries its externalId and source.</summary>
    public static Task<CreateOutcome<TDto>> InsertOrFindAsync<TRecord, TDto>(
        this IRecordStore<TRecord> store,
        TRecord record,
        string? externalSource,
        string? externalId,
        TDto created,
        Func<TRecord, TDto> existing,
        CancellationToken cancellationToken)
        where TRecord : class =>
        InsertOrFindAsync(
            externalId,
            () => store.FindByExternalIdAsync(externalSource!, externalId!, cancellationToken),
            () => store.TryInsertAsync(record, cancellationToken),
            created,
            existing);
}
