namespace SalesCrm.Application.Common.Paging;

/// <summary>A list query sorted newest first or by name (accounts, contacts, leads): <c>sort</c>, <c>limit</c> and <c>cursor</c>.</summary>
public interface ISortedListRequest : IPageRequest
{
    ListSort? Sort { get; }
}

/// <summary>One page of a sorted list as a store reads it: the order, how many rows, and the row it resumes after.</summary>
public sealed record SortedPage(ListSort Sort, int Limit, SortPosition? After)
{
    /// <summary>The requested page: newest first unless asked otherwise, the default limit, the cursor decoded for that sort.</summary>
    public static SortedPage Of(ISortedListRequest request)
    {
        var sort = request.Sort ?? ListSort.Newest;
        return new SortedPage(sort, request.LimitOrDefault(), SortCursor.Decode(sort, request.Cursor));
    }
}
