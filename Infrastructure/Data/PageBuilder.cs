using SalesCrm.Application.Common.Paging;

namespace SalesCrm.Infrastructure.Data;

/// <summary>Stores fetch one row more than asked; its presence means there is a next page.</summary>
public static class PageBuilder
{
    public static Page<TDto> From<TRow, TDto>(
        IReadOnlyList<TRow> rows, int limit, Func<TRow, Guid> id, Func<TRow, TDto> map)
    {
        var hasMore = rows.Count > limit;
        var items = rows.Take(limit).Select(map).ToList();
        var next = hasMore ? KeysetCursor.Encode(id(rows[limit - 1])) : null;
        return new Page<TDto>(items, next);
    }
}
