using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.LostReasons;
using SalesCrm.Application.LostReasons.ArchiveLostReason;
using SalesCrm.Application.LostReasons.CreateLostReason;
using SalesCrm.Application.LostReasons.ListLostReasons;

namespace SalesCrm.Api.LostReasons;

public static class LostReasonEndpoints
{
    public static IEndpointRouteBuilder MapLostReasonEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/lost-reasons").WithTags("Lost reasons");
        group.MapGet("/", ListLostReasons).WithName("listLostReasons").RequireAuthorization(Policies.SalesDirectoryReader)
            .Doc("List lost reasons", "The reasons a move to a Lost stage can name, oldest first, cursor-paginated; archived reasons only with `includeArchived=true`. Readable by every signed-in person and by integrations with `directory:read` or `opportunities:write`.")
            .BadInput().Problems(403);
        group.MapPost("/", CreateLostReason).WithName("createLostReason").RequireAuthorization(Policies.Admin).WithIdempotency()
            .Doc("Create a lost reason", "Admins only. Names are unique (case-insensitive, up to 200 characters); a taken name is 409.")
            .BadInput().Problems(403, 409);
        group.MapPost("/{id:guid}/archive", ArchiveLostReason).WithName("archiveLostReason").RequireAuthorization(Policies.Admin)
            .Doc("Archive a lost reason", "Admins only. Deals already lost for this reason keep it (and metrics still group by it); new Lost moves cannot choose it (400 on `lostReasonId`). Archiving an archived reason changes nothing.")
            .Problems(403, 404);
        return app;
    }

    private static async Task<Ok<Page<LostReasonDto>>> ListLostReasons(
        IMediator mediator, CancellationToken ct, bool? includeArchived = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(new ListLostReasonsQuery(includeArchived, limit, cursor), ct));

    private static async Task<Created<LostReasonDto>> CreateLostReason(CreateLostReasonCommand request, IMediator mediator, CancellationToken ct)
    {
        var reason = await mediator.Send(request, ct);
        return TypedResults.Created($"/api/v1/lost-reasons/{reason.Id}", reason);
    }

    private static async Task<Ok<LostReasonDto>> ArchiveLostReason(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ArchiveLostReasonCommand(id), ct));
}
