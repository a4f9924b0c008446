using System.Buffers.Text;
using System.Text;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.Common.Paging;

/// <summary>
/// An opaque cursor holding the sort key of the last row served. Keyset paging stays fast and stable
/// under concurrent inserts, unlike offsets. The text is base64url so it travels in a query string untouched.
/// </summary>
public static class KeysetCursor
{
    public static string Encode(string sortKey, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{sortKey}|{id:N}"));

    public static string Encode(Guid id) => Encode(string.Empty, id);

    public static (string SortKey, Guid Id)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var separator = text.LastIndexOf('|');
            if (separator >= 0 && Guid.TryParseExact(text[(separator + 1)..], "N", out var id))
            {
                return (text[..separator], id);
            }
        }
        catch (FormatException)
        {
        }

        throw RequestValidationException.For("cursor", "The cursor is not one this API issued.");
    }
}
