using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SalesCrm.Api.Common;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    private const string BearerScheme = "bearer";

    /// <summary>
    /// The contract integrators generate clients from: bearer scheme declared, every secured operation marked
    /// and answering 401, request schemas named <c>…Request</c> (the use cases call them commands).
    /// </summary>
    public static IServiceCollection AddSalesCrmOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.CreateSchemaReferenceId = type =>
                OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && id.EndsWith("Command", StringComparison.Ordinal)
                    ? id[..^"Command".Length] + "Request"
                    : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "SalesCrm API",
                    Version = "1.0.0",
                    Description = "Record sales work (calls, emails, meetings, follow-ups, stage moves) and read the "
                        + "metrics that tell whether reps are ready, doing the right things and delivering. "
                        + "JSON in camelCase, timestamps in UTC (ISO 8601), errors as RFC 9457 problem details.",
                    License = new OpenApiLicense { Name = "Proprietary" },
                };
                document.Servers = [new OpenApiServer { Url = "/", Description = "This SalesCrm instance" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [BearerScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        BearerFormat = "JWT",
                        Description = "An access token from POST /api/v1/auth/token.",
                    },
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security = [];
                    return Task.CompletedTask;
                }

                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
                ];
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid access token was sent." });
                return Task.CompletedTask;
            });
        });
}
