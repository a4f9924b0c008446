using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Organisations;
using SalesCrm.Application.Organisations.GetOrganisation;
using SalesCrm.Application.Organisations.UpdateOrganisation;

namespace SalesCrm.Api.Organisations;

public static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisation").WithTags("Organisation");
        group.MapGet("/", Get).WithName("getOrganisation")
            .Doc("Get the organisation settings", "Name, IANA time zone (every metric window is cut in it) and ISO 4217 currency (every amount is in it), with an `ETag`.");
        group.MapPut("/", Update).WithName("updateOrganisation").RequiresIfMatch().RequireAuthorization(Policies.Admin)
            .Doc("Update the organisation settings", "Admins only. Requires `If-Match` with the settings' ETag (428 without it, 412 when stale).")
            .BadInput().Problems(403, 412, 428);
        return app;
    }

    private static async Task<Ok<OrganisationDto>> Get(IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new GetOrganisationQuery(), ct));

    private static async Task<Ok<OrganisationDto>> Update(UpdateOrganisationRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.Response.OkWithETag(await mediator.Send(
            new UpdateOrganisationCommand(http.Request.IfMatchVersion(), request.Name, request.TimeZone, request.Currency), ct));
}

/// <summary>The body of <c>PUT /organisation</c>.</summary>
public sealed record UpdateOrganisationRequest(string Name, string TimeZone, string Currency);
