using System.Globalization;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.Common.Paging;

/// <summary>How a list of named records is ordered: newest first (the default), or by name A–Z.</summary>
public enum ListSort
{
    Newest,
    Name,
}

/// <summary>The keyset a sorted list resumes after: the last row's sort value and id.</summary>
public sealed record SortPosition(string? Name, DateTimeOffset? CreatedAt, Guid Id);

/// <summary>Cursors of sorted lists carry the sort they belong to, so one from another sort order is refused (400).</summary>
public static class SortCursor
{
    /// <summary>The longest cursor a name-sorted list issues: a full name of up to 401 characters in UTF-8, base64url-encoded, with its id.</summary>
    public const int MaxLength = 2400;

    private const string NamePrefix = "n:";
    private const string NewestPrefix = "t:";

    public static string Encode(ListSort sort, string sortName, DateTimeOffset createdAt, Guid id) => sort == ListSort.Name
        ? KeysetCursor.Encode(NamePrefix + sortName, id)
        : KeysetCursor.Encode(NewestPrefix + createdAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), id);

    public static SortPosition? Decode(ListSort sort, string? cursor)
    {
        if (KeysetCursor.Decode(cursor) is not { } position)
        {
            return null;
        }

        if (sort == ListSort.Name && position.SortKey.StartsWith(NamePrefix, StringComparison.Ordinal))
        {
            return new SortPosition(position.SortKey[NamePrefix.Length..], null, position.Id);
        }

        if (sort == ListSort.Newest
            && position.SortKey.StartsWith(NewestPrefix, StringComparison.Ordinal)
            && long.TryParse(position.SortKey[NewestPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return new SortPosition(null, DateTimeOffset.FromUnixTimeMilliseconds(ms), position.Id);
        }

        throw RequestValidationException.For("cursor", "The cursor belongs to another sort order or list.");
    }
}
