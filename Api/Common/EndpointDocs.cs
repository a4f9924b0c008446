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
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.In == ParameterLocation.Query && names.Contains(parameter.Name))
                {
                    parameter.Required = true;
                }
            }

            return Task.CompletedTask;
        });

    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
