using SalesCrm.Application.Common.Paging;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Records;

/// <summary>The statements every owned, soft-deletable record shares, and the pieces of its sorted, searchable lists.</summary>
public static class RecordSql
{
    /// <summary><c>column LIKE @Search</c> with the escape character the patterns use.</summary>
    public const string LikeEscape = "ESCAPE '\\'";

    /// <summary>The record by id, deleted or not; <paramref name="select"/> reads it, aliased <paramref name="alias"/>.</summary>
    public static Sql FindById(string select, string alias) => new($"{select} WHERE {alias}.id = @Id");

    public static Sql FindByExternalId(string select, string alias) =>
        new($"{select} WHERE {alias}.external_source = @ExternalSource AND {alias}.external_id = @ExternalId");

    public static Sql SoftDelete(string table) => new($"""
        UPDATE {table} SET deleted_at = @DeletedAt, deleted_by = @DeletedBy, version = version + 1
        WHERE id = @Id AND deleted_at IS NULL
        """);

    public static Sql Restore(string table) => new($"""
        UPDATE {table} SET deleted_at = NULL, deleted_by = NULL, version = version + 1
        WHERE id = @Id AND deleted_at IS NOT NULL
        """);

    public static Sql SetOwner(string table) => new($"""
        UPDATE {table} SET owner_id = @OwnerId, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND deleted_at IS NULL
        """);

    /// <summary>
    /// A "contains" pattern for <c>LIKE</c>: wildcards in the text are matched literally. Both databases compare ASCII
    /// letters case-insensitively (SQLite's LIKE, SQL Server's default collation).
    /// </summary>
    public static string? Contains(string? text) => text is null
        ? null
        : "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal) + "%";

    /// <summary>
    /// The keyset condition and order of a list sorted by <paramref name="nameExpression"/> (A–Z) or newest first.
    /// Binds <c>@AfterName</c>, <c>@AfterAt</c> and <c>@AfterId</c> (see <see cref="AfterParameters"/>).
    /// </summary>
    public static (string Keyset, string Order) Sorted(ListSort sort, string alias, string nameExpression) => sort == ListSort.Name
        ? (Keyset.Ascending($"LOWER({nameExpression})", $"{alias}.id", "LOWER(@AfterName)"),
            $"ORDER BY LOWER({nameExpression}), {alias}.id")
        : (Keyset.Descending($"{alias}.created_at", $"{alias}.id"),
            $"ORDER BY {alias}.created_at DESC, {alias}.id DESC");

    public static object AfterParameters(SortPosition? after) => new
    {
        AfterName = after?.Name,
        AfterAt = after?.CreatedAt,
        AfterId = after?.Id,
    };

    /// <summary>One page from rows fetched with one extra row; the cursor carries the last served row's sort value.</summary>
    public static Page<TDto> Page<TRow, TDto>(
        IReadOnlyList<TRow> rows,
        int limit,
        ListSort sort,
        Func<TRow, (string Name, DateTimeOffset CreatedAt, Guid Id)> key,
        Func<TRow, TDto> map)
    {
        var items = rows.Take(limit).Select(map).ToList();
        if (rows.Count <= limit)
        {
            return new Page<TDto>(items, null);
        }

        var (name, createdAt, id) = key(rows[limit - 1]);
        return new Page<TDto>(items, SortCursor.Encode(sort, name, createdAt, id));
    }
}
