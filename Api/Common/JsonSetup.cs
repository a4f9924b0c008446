using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesCrm.Api.Common;

public static class JsonSetup
{
    /// <summary>
    /// camelCase JSON, enums as snake_case strings, numbers only as JSON numbers (so the OpenAPI document says
    /// <c>integer</c>/<c>number</c>, not <c>[integer, string]</c>), and unknown fields refused rather than ignored.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }
}
