using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Api.Common;

/// <summary>
/// Enum query parameters in their wire form. Minimal APIs bind enums from the query with a case-sensitive
/// <c>Enum.TryParse</c> (<c>Open</c>, not <c>open</c>), while bodies and the OpenAPI document use snake_case; so such
/// parameters are bound as strings, parsed here, and documented with their allowed values.
/// </summary>
public static class EnumQuery
{
    public static TEnum? Parse<TEnum>(string? value, string parameter)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(WireName(candidate), value, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        throw RequestValidationException.For(parameter, $"{parameter} must be one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(WireName))}.");
    }

    /// <summary>Documents the string query parameter <paramref name="parameter"/> as one of <typeparamref name="TEnum"/>'s wire names.</summary>
    public static RouteHandlerBuilder EnumParameter<TEnum>(this RouteHandlerBuilder builder, string parameter)
        where TEnum : struct, Enum =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Parameters?.FirstOrDefault(p => p.Name == parameter) is OpenApiParameter { Schema: OpenApiSchema schema })
            {
                schema.Enum = [.. Enum.GetValues<TEnum>().Select(v => (JsonNode)JsonValue.Create(WireName(v)))];
            }

            return Task.CompletedTask;
        });

    private static string WireName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
