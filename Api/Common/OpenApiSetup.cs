using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SalesCrm.Api.Common;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    private const string BearerScheme = "bearer";

    /// <summary>One line per tag, shown as the section intros in Swagger UI and generated docs.</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Auth"] = "Tokens for people (email + password, refresh) and integrations (client credentials); sign-out.",
        ["Me"] = "The signed-in person.",
        ["Organisation"] = "Organisation settings: name, time zone, currency.",
        ["Teams"] = "Teams of reps, each with its manager.",
        ["Users"] = "People, their roles and teams; admins manage them.",
        ["Quotas"] = "Targets per rep and period (month, quarter, year), as revenue or won deals, with their history.",
        ["Integration clients"] = "Credentials and scopes for dialers, email sync, marketing automation and BI tools.",
        ["Accounts"] = "The shared directory of companies: readable by everyone, changed by their owner, the owner's manager and admins.",
        ["Contacts"] = "The shared directory of people, usually at an account: readable by everyone, changed by their owner, the owner's manager and admins.",
        ["Leads"] = "Prospects not yet qualified into deals: owned, scoped like opportunities, and converted into an account, a contact and an opportunity in one step.",
        ["Pipelines"] = "Pipelines and their ordered stages (win probability, stale limit, one Won and one Lost stage each); admins manage them.",
        ["Lost reasons"] = "The admin-managed list a move to Lost must choose from.",
        ["Opportunities"] = "Deals at accounts: amount, expected close, owner (reassignments recorded), soft delete and restore.",
        ["Stage moves"] = "Moving a deal through its pipeline (guarded by If-Match) and its append-only stage history.",
        ["Activities"] = "Calls, emails, meetings and notes: what reps did, when, and with whom; single creates and batches of up to 1,000.",
        ["Follow-ups"] = "Planned next touches on leads and opportunities: due, completed, cancelled, overdue.",
        ["Timeline"] = "Everything that happened to a lead, contact, account or opportunity, newest first.",
    };

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
                    License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-SalesCrm-Proprietary" },
                };
                document.Tags = new HashSet<OpenApiTag>(TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
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
                operation.Responses.TryAdd("401", ProblemResponse("No valid access token was sent.", context.Document));
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (operation.RequestBody is not null)
                {
                    operation.Responses ??= new OpenApiResponses();
                    operation.Responses.TryAdd("413", ProblemResponse("The body is larger than 2 MiB.", context.Document));
                    operation.Responses.TryAdd("415", ProblemResponse("The body is not application/json.", context.Document));
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, _, _) =>
            {
                if (operation.Responses?.TryGetValue("429", out var tooMany) == true && tooMany is OpenApiResponse response)
                {
                    response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    response.Headers["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Seconds to wait before trying again.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    };
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentCreateMetadata>().Any())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = IdempotencyFilter.Header,
                        In = ParameterLocation.Header,
                        Required = false,
                        Description = "Makes the create safe to retry: the same key with the same body replays the first response "
                            + "(with `Idempotent-Replayed: true`) and creates nothing; the same key with another body is refused "
                            + "with 422. Keys are per caller, up to 200 characters, and kept for at least 24 hours.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                    });
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                IfMatchDocs.Describe(operation, context.Description.ActionDescriptor.EndpointMetadata);
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                IfMatchDocs.DescribeETagOnReads(document);
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // Problems carry a traceId (and sometimes more, e.g. retryAfterSeconds) beside the RFC 9457 members.
                if (context.JsonTypeInfo.Type == typeof(ProblemDetails) || context.JsonTypeInfo.Type == typeof(HttpValidationProblemDetails))
                {
                    schema.AdditionalPropertiesAllowed = true;
                    schema.AdditionalProperties = null;
                    schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                    schema.Properties["traceId"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "Quote it when reporting a problem; it finds the request in the server logs.",
                    };
                }

                return Task.CompletedTask;
            });
        });

    private static OpenApiResponse ProblemResponse(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), document) },
        },
    };
}
