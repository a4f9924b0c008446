using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Readiness;
using SalesCrm.Application.Readiness.ArchiveCertification;
using SalesCrm.Application.Readiness.CreateCertification;
using SalesCrm.Application.Readiness.DeleteCertification;
using SalesCrm.Application.Readiness.GetCertification;
using SalesCrm.Application.Readiness.ListCertifications;
using SalesCrm.Application.Readiness.UpdateCertification;

namespace SalesCrm.Api.Readiness;

/// <summary>The certifications reps are assessed for (docs/people.md); managed by admins, read by everyone signed in.</summary>
public static class CertificationEndpoints
{
    private const string Fields =
        "`name` (unique among live certifications, ignoring case, up to 200 characters), `required` (a rep is ready when they hold every "
        + "required certification) and `validityMonths` (1–600: a pass holds the certification from its `assessedOn` until that date plus "
        + "this many months, exclusive; `null`: it never expires).";

    public static IEndpointRouteBuilder MapCertificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/certifications").WithTags("Readiness");
        group.MapGet("/", List).WithName("listCertifications").RequireAuthorization(Policies.MetricsReader)
            .Doc("List certifications", "Every certification by name; archived ones only with `includeArchived=true`. Readable by every signed-in person and by integrations with `metrics:read`.")
            .BadInput().Problems(403);
        group.MapPost("/", Create).WithName("createCertification").RequireAuthorization(Policies.Admin).WithIdempotency()
            .Doc("Create a certification", "Admins only. " + Fields + " A taken name is 409.")
            .BadInput().Problems(403, 409);
        group.MapGet("/{id:guid}", Get).WithName("getCertification").RequireAuthorization(Policies.MetricsReader)
            .Doc("Get a certification", "One certification with its `ETag`.")
            .Problems(403, 404);
        group.MapPut("/{id:guid}", Update).WithName("updateCertification").RequiresIfMatch().RequireAuthorization(Policies.Admin)
            .Doc("Change a certification", "Admins only. Sets " + Fields + " A new validity applies to passes already recorded. Requires `If-Match` (428 without it, 412 when stale).")
            .BadInput().Problems(403, 404, 409, 412, 428);
        group.MapPost("/{id:guid}/archive", Archive).WithName("archiveCertification").RequireAuthorization(Policies.Admin)
            .Doc("Archive a certification", "Admins only. An archived certification no longer counts towards readiness or expiries and new assessments cannot name it (400 on `certificationId`); the assessments that did keep it. Archiving an archived certification changes nothing.")
            .Problems(403, 404);
        group.MapDelete("/{id:guid}", Delete).WithName("deleteCertification").RequireAuthorization(Policies.Admin)
            .Doc("Delete a certification", "Admins only. Only a certification no assessment names yet can be deleted; once used it is 409: archive it instead.")
            .Problems(403, 404, 409);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<CertificationDto>>> List(IMediator mediator, CancellationToken ct, bool? includeArchived = null) =>
        TypedResults.Ok(await mediator.Send(new ListCertificationsQuery(includeArchived ?? false), ct));

    private static async Task<Created<CertificationDto>> Create(CreateCertificationCommand request, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var certification = await mediator.Send(request, ct);
        response.SetETag(certification.Version);
        return TypedResults.Created($"/api/v1/certifications/{certification.Id}", certification);
    }

    private static async Task<Ok<CertificationDto>> Get(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new GetCertificationQuery(id), ct));

    private static async Task<Ok<CertificationDto>> Update(Guid id, UpdateCertificationRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.Response.OkWithETag(await mediator.Send(
            new UpdateCertificationCommand(id, http.Request.IfMatchVersion(), request.Name, request.Required, request.ValidityMonths), ct));

    private static async Task<Ok<CertificationDto>> Archive(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new ArchiveCertificationCommand(id), ct));

    private static async Task<NoContent> Delete(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteCertificationCommand(id), ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The body of <c>PUT /certifications/{id}</c>.</summary>
public sealed record UpdateCertificationRequest(string Name, bool Required, int? ValidityMonths = null);
