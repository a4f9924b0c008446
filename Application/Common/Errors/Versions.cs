namespace SalesCrm.Application.Common.Errors;

/// <summary>The optimistic-concurrency check every guarded write makes.</summary>
public static class Versions
{
    public static int Require(int? expectedVersion) =>
        expectedVersion ?? throw new PreconditionRequiredException("This write needs an If-Match header with the record's ETag.");

    public static void EnsureWritten(bool written) =>
        _ = written ? true : throw new PreconditionFailedException("The record changed since it was read; reload it and retry.");
}
