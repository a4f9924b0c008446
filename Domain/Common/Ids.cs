namespace SalesCrm.Domain.Common;

/// <summary>Every identifier is a version 7 UUID, so ids sort by creation time and index well.</summary>
public static class Ids
{
    public static Guid New() => Guid.CreateVersion7();
}
