using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Api.Common;

/// <summary>
/// Enum query parameters. Minimal APIs bind enums by their C# member names (case-sensitive), while JSON bodies and the
/// contract use snake_case names (<c>sort=newest</c>, <c>status=disqualified</c>). Endpoints therefore take such
/// parameters as strings, parse them here (400 naming the parameter) and document them as a string enum.
/// </summary>
public static class QueryEnums
{
    public static TEnum? Parse<TEnum>(string? value, string parameter)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        foreach (var member in Enum.GetValues<TEnum>())
        {
            if (string.Equals(NameOf(member), value, StringComparison.Ordinal))
            {
                return member;
            }
        }

        throw RequestValidationException.For(parameter, $"Use one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(m => NameOf(m)))}.");
    }

    /// <summary>Documents the string query parameter <paramref name="parameter"/> as one of <typeparamref name="TEnum"/>'s wire names.</summary>
    public static RouteHandlerBuilder QueryEnum<TEnum>(this RouteHandlerBuilder builder, string parameter)
        where TEnum : struct, Enum =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Parameters?.FirstOrDefault(p => p.Name == parameter) is OpenApiParameter query)
            {
                query.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. Enum.GetValues<TEnum>().Select(m => (JsonNode)JsonValue.Create(NameOf(m)))],
                };
            }

            return Task.CompletedTask;
        });

    private static string NameOf<TEnum>(TEnum member)
        where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(member.ToString());
}
