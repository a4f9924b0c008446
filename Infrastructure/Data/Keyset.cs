namespace SalesCrm.Infrastructure.Data;

/// <summary>
/// The keyset condition of a page ordered by a key and then the id: the rows after the cursor's key and id, or every row
/// on the first page (no cursor: <paramref name="afterId"/> is null). Rows that tie on the key follow the id, so a page
/// ends anywhere within a tie and the next one starts after it. Written once here for every list and drill-down.
/// </summary>
public static class Keyset
{
    /// <summary>After the cursor in (<paramref name="key"/>, <paramref name="id"/>) ascending order.</summary>
    public static string Ascending(string key, string id, string afterKey = "@AfterAt", string afterId = "@AfterId") =>
        After(key, id, afterKey, afterId, ">");

    /// <summary>After the cursor in (<paramref name="key"/>, <paramref name="id"/>) descending order (newest first).</summary>
    public static string Descending(string key, string id, string afterKey = "@AfterAt", string afterId = "@AfterId") =>
        After(key, id, afterKey, afterId, "<");

    private static string After(string key, string id, string afterKey, string afterId, string comparison) =>
        $"({afterId} IS NULL OR {key} {comparison} {afterKey} OR ({key} = {afterKey} AND {id} {comparison} {afterId}))";
}
