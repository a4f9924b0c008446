using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Api.Common;

/// <summary>Record versions travel as strong ETags (<c>"3"</c>); writes send them back in <c>If-Match</c>.</summary>
public static class EntityTags
{
    public static string For(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void SetETag(this HttpResponse response, int version) => response.Headers.ETag = For(version);

    /// <summary>200 with the record, its version as the ETag.</summary>
    public static Ok<T> OkWithETag<T>(this HttpResponse response, T record)
        where T : IVersioned
    {
        response.SetETag(record.Version);
        return TypedResults.Ok(record);
    }

    /// <summary>The version named by If-Match; null when absent. A tag that is no version of ours can never match (-1).</summary>
    public static int? IfMatchVersion(this HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        return EntityTagHeaderValue.TryParse(header, out var tag)
            && int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : -1;
    }
}
