namespace SalesCrm.Application.Common.Records;

/// <summary>A record guarded by optimistic concurrency: its version travels as the ETag and comes back in If-Match.</summary>
public interface IVersioned
{
    int Version { get; }
}
