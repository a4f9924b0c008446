using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Integrations;
using SalesCrm.Application.Integrations.CreateIntegrationClient;
using SalesCrm.Application.Integrations.ListIntegrationClients;
using SalesCrm.Application.Integrations.RevokeIntegrationClient;

namespace SalesCrm.Api.Integrations;

public static class IntegrationClientEndpoints
{
    public static IEndpointRouteBuilder MapIntegrationClientEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/integration-clients").WithTags("Integration clients")
            .RequireAuthorization(Policies.Admin);
        group.MapGet("/", List).WithName("listIntegrationClients")
            .Doc("List integration clients", "Admins only. Clients with their scopes; secrets are never shown again.")
            .BadInput().Problems(403);
        group.MapPost("/", Create).WithName("createIntegrationClient")
            .Doc("Create an integration client",
                "Admins only. Returns the `clientId` and the `clientSecret` — the secret is shown in this response only. "
                + "Scopes: `activities:write`, `opportunities:write`, `metrics:read`, `directory:read`.")
            .BadInput().Problems(403);
        group.MapDelete("/{id:guid}", Revoke).WithName("revokeIntegrationClient")
            .Doc("Revoke an integration client", "Admins only. The client can get no new token, and its current tokens stop working.")
            .Problems(403, 404);
        return app;
    }

    private static async Task<Ok<Page<IntegrationClientDto>>> List(IMediator mediator, CancellationToken ct, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(new ListIntegrationClientsQuery(limit, cursor), ct));

    private static async Task<Created<IntegrationClientCreated>> Create(CreateIntegrationClientCommand request, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var client = await mediator.Send(request, ct);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/integration-clients/{client.Id}", client);
    }

    private static async Task<NoContent> Revoke(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RevokeIntegrationClientCommand(id), ct);
        return TypedResults.NoContent();
    }
}
