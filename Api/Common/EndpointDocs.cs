using Microsoft.OpenApi;

namespace SalesCrm.Api.Common;

/// <summary>Short-hands that keep each route one readable statement while documenting it fully.</summary>
public static class EndpointDocs
{
    public static RouteHandlerBuilder Doc(this RouteHandlerBuilder builder, string summary, string description) =>
        builder.WithSummary(summary).WithDescription(description);

    /// <summary>400 with field errors: every operation that reads input declares it.</summary>
    public static RouteHandlerBuilder BadInput(this RouteHandlerBuilder builder) =>
        builder.ProducesValidationProblem();

    /// <summary>
    /// Marks query parameters as required in the contract when the endpoint binds them as optional only so that a missing
    /// one is a 400 naming it (the handler refuses the request without them): generated clients then ask for them.
    /// </summary>
    public static RouteHandlerBuilder RequiredQuery(this RouteHandlerBuilder builder, params string[] names) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var name in names)
            {
                operation.QueryParameter(name).Required = true;
            }

            return Task.CompletedTask;
        });

    /// <summary>
    /// Documents the string query parameter <paramref name="name"/> as a date (<c>format: date</c>): for endpoints that read
    /// it by hand, strictly as yyyy-MM-dd, with a 400 naming it.
    /// </summary>
    public static RouteHandlerBuilder QueryDate(this RouteHandlerBuilder builder, string name) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.QueryParameter(name).Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" };
            return Task.CompletedTask;
        });

    /// <summary>
    /// The operation's query parameter <paramref name="name"/>, for a transformer to document. A name the operation does not
    /// have fails the document's generation (and so the contract test), not silently.
    /// </summary>
    public static OpenApiParameter QueryParameter(this OpenApiOperation operation, string name) =>
        operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.In == ParameterLocation.Query && p.Name == name)
        ?? throw new InvalidOperationException($"{operation.OperationId} has no query parameter {name}.");

    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
