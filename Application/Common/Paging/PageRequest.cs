namespace SalesCrm.Application.Common.Paging;

/// <summary>The <c>limit</c> and <c>cursor</c> every list accepts.</summary>
public interface IPageRequest
{
    int? Limit { get; }

    string? Cursor { get; }
}

public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static int LimitOrDefault(this IPageRequest request) => request.Limit ?? DefaultLimit;
}
