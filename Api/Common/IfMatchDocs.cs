using Microsoft.OpenApi;

namespace SalesCrm.Api.Common;

/// <summary>Marks an operation guarded by the record's version, so the contract declares <c>If-Match</c> and the <c>ETag</c> it comes from.</summary>
public sealed class RequiresIfMatchMetadata;

public static class IfMatchDocs
{
    public static RouteHandlerBuilder RequiresIfMatch(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequiresIfMatchMetadata());

    /// <summary>Adds the If-Match parameter to guarded operations and the ETag header to their 2xx responses.</summary>
    public static void Describe(OpenApiOperation operation, IList<object> metadata)
    {
        if (!metadata.OfType<RequiresIfMatchMetadata>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Required = true,
            Description = "The record's current `ETag` (its `version` in quotes, e.g. `\"3\"`). Without it the answer is 428; "
                + "when the record changed since it was read, 412 and nothing is written.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        AddETag(operation);
    }

    /// <summary>GETs of a path whose writes need If-Match hand out the ETag those writes need.</summary>
    public static void DescribeETagOnReads(OpenApiDocument document)
    {
        foreach (var path in document.Paths.Values)
        {
            var operations = path.Operations ?? [];
            var guarded = operations.Values.Any(o => o.Parameters?.Any(p => p.Name == "If-Match") == true);
            if (guarded && operations.TryGetValue(HttpMethod.Get, out var read) && read is OpenApiOperation get)
            {
                AddETag(get);
            }
        }
    }

    private static void AddETag(OpenApiOperation operation)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (status.StartsWith('2') && response is OpenApiResponse success && status != "204")
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "The record's version; send it back in `If-Match` to update it.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }
    }
}
