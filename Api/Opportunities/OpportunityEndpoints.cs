using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Opportunities;
using SalesCrm.Application.Opportunities.CreateOpportunity;
using SalesCrm.Application.Opportunities.DeleteOpportunity;
using SalesCrm.Application.Opportunities.GetOpportunity;
using SalesCrm.Application.Opportunities.ListOpportunities;
using SalesCrm.Application.Opportunities.ListOwnerChanges;
using SalesCrm.Application.Opportunities.ListStageMoves;
using SalesCrm.Application.Opportunities.MoveStage;
using SalesCrm.Application.Opportunities.ReassignOpportunity;
using SalesCrm.Application.Opportunities.RestoreOpportunity;
using SalesCrm.Application.Opportunities.UpdateOpportunity;

namespace SalesCrm.Api.Opportunities;

public static class OpportunityEndpoints
{
    private const string Scope = "Reps see their own opportunities, managers their team's, admins and integrations with `opportunities:write` all; anything else answers 404.";

    public static IEndpointRouteBuilder MapOpportunityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/opportunities").WithTags("Opportunities").RequireAuthorization(Policies.OpportunityWriter);
        group.MapGet("/", ListOpportunities).WithName("listOpportunities")
            .Doc("List opportunities", $"Cursor-paginated, newest first by default (`sort=amount`: largest first; `sort=closing`: soonest expected close first, undated last). Filters: `ownerId`, `teamId` (the owner's team), `pipelineId`, `stageId`, `status` (`open`, `won`, `lost`), `accountId`, `createdFrom`/`createdTo` (timestamps) and `expectedCloseFrom`/`expectedCloseTo` (dates); every range is `from` inclusive, `to` exclusive. Deleted opportunities are left out. {Scope}")
            .QueryEnum<OpportunityStatus>("status").QueryEnum<OpportunitySort>("sort")
            .BadInput().Problems(403);
        group.MapPost("/", CreateOpportunity).WithName("createOpportunity").WithIdempotency()
            .Doc("Create an opportunity", "Records a deal at `accountId` (required; any live account of the shared directory). `amount` is a decimal in the organisation's currency, 0 to 1,000,000,000,000 with at most 4 decimal places. The deal goes to `pipelineId` (default: the default pipeline, or the pipeline of `stageId`) and starts in `stageId` (an open, unarchived stage of that pipeline; default: its first open stage). `ownerId` defaults to the caller (integrations must name one; a rep can only own deals themself, a manager assigns within the team). `primaryContactId` must work at the account when the contact has one; `leadId` links the lead it came from and must be in the caller's scope. `occurredAt` (default now, never in the future) is the creation time, for imports. The creation is the first entry of the stage history. `externalId` (up to 200 characters) is unique per caller: a create repeating a known one returns that opportunity with 200 and changes nothing (409 when that opportunity was deleted or is no longer in the caller's scope). Unknown or out-of-scope links are 400 on their field.")
            .BadInput().Problems(403, 409);
        group.MapGet("/{id:guid}", GetOpportunity).WithName("getOpportunity")
            .Doc("Get an opportunity", $"The deal with its current stage (`stageName`, `stageProbability`, `stageEnteredAt`), and once closed `closedAt`, `outcome` (`won`/`lost`) and for lost deals `lostReasonId`; `ETag` carries its version. {Scope}")
            .Problems(403, 404);
        group.MapPut("/{id:guid}", UpdateOpportunity).WithName("updateOpportunity").RequiresIfMatch()
            .Doc("Update an opportunity", $"Replaces `name`, `amount`, `expectedCloseDate`, `primaryContactId` and `competitor` (omitted optional fields become empty). The owner changes only through `reassignOpportunity` and the stage only through stage moves; sending them here is 400. Requires `If-Match` with the opportunity's ETag (428 without it, 412 when stale). {Scope}")
            .BadInput().Problems(403, 404, 412, 428);
        group.MapDelete("/{id:guid}", DeleteOpportunity).WithName("deleteOpportunity")
            .Doc("Delete an opportunity", $"Soft delete: the deal leaves lists and metrics and answers 404, keeping its history and who deleted it when. The owner's manager or an admin can restore it. {Scope}")
            .Problems(403, 404);
        group.MapPost("/{id:guid}/restore", RestoreOpportunity).WithName("restoreOpportunity")
            .Doc("Restore a deleted opportunity", "The owner's manager or an admin brings a soft-deleted deal back (reps and integrations get 403). Restoring one that is not deleted changes nothing.")
            .Problems(403, 404);
        group.MapPost("/{id:guid}/owner", ReassignOpportunity).WithName("reassignOpportunity").RequiresIfMatch()
            .Doc("Reassign an opportunity", "Hands the deal to `ownerId`, an active user: managers reassign within their team, admins and integrations to anyone; reps cannot hand deals away (403). The change is recorded with who made it and `occurredAt` (default now; not in the future, not before the deal's creation or its latest reassignment: 400). Reassigning to the current owner is 409. Requires `If-Match` with the opportunity's ETag (428 without it, 412 when stale).")
            .BadInput().Problems(403, 404, 409, 412, 428);
        group.MapGet("/{id:guid}/owner-changes", ListOwnerChanges).WithName("listOwnerChanges")
            .Doc("List an opportunity's reassignments", $"Every owner change, oldest first, cursor-paginated: from and to whom, when, and who made it. {Scope}")
            .BadInput().Problems(403, 404);

        var moves = app.MapGroup("/api/v1/opportunities/{id:guid}/stage-moves").WithTags("Stage moves").RequireAuthorization(Policies.OpportunityWriter);
        moves.MapPost("/", MoveStage).WithName("moveOpportunityStage").RequiresIfMatch().WithIdempotency()
            .Doc("Move an opportunity to a stage", "Moves the deal to `toStageId`, any unarchived stage of its own pipeline: forward, backward, to Won (sets `closedAt` and `outcome: won`), to Lost (needs `lostReasonId`, an active lost reason; sets `outcome: lost`), or from Won/Lost back to an open stage (reopening clears `closedAt`, `outcome` and the lost reason). A closed deal cannot go straight to the other closed stage (409: reopen it first). `competitor`, when given, is stored on the deal. The move is appended to the append-only history with `occurredAt` (default now): a time in the future, before the deal's creation or before its latest recorded move is 400, so imports record history oldest first. **Requires `If-Match`** with the opportunity's ETag: missing is 428, stale is 412 and nothing changes; of concurrent moves sent with one version exactly one applies. Errors: unknown, other-pipeline or archived stage 400 on `toStageId`; already in that stage 409. Answers 201 with the history entry and the new `ETag`.")
            .BadInput().Problems(403, 404, 409, 412, 428);
        moves.MapGet("/", ListStageMoves).WithName("listStageMoves")
            .Doc("List an opportunity's stage history", $"Every stage the deal entered, oldest first (its creation first, with no `fromStageId`), cursor-paginated, with stage names, who moved it and when it was recorded. `leftAt` is when the deal left the stage and `daysInStage` the days it spent there (for the current stage of an open deal, until now; null for the Won or Lost stage a deal is closed in). {Scope}")
            .BadInput().Problems(403, 404);
        return app;
    }

    private static async Task<Ok<Page<OpportunityDto>>> ListOpportunities(
        IMediator mediator,
        CancellationToken ct,
        Guid? ownerId = null,
        Guid? teamId = null,
        Guid? pipelineId = null,
        Guid? stageId = null,
        string? status = null,
        Guid? accountId = null,
        DateTimeOffset? createdFrom = null,
        DateTimeOffset? createdTo = null,
        DateOnly? expectedCloseFrom = null,
        DateOnly? expectedCloseTo = null,
        string? sort = null,
        int? limit = null,
        string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(new ListOpportunitiesQuery(
            ownerId, teamId, pipelineId, stageId, QueryEnums.Parse<OpportunityStatus>(status, nameof(status)), accountId,
            createdFrom, createdTo, expectedCloseFrom, expectedCloseTo, QueryEnums.Parse<OpportunitySort>(sort, nameof(sort)), limit, cursor), ct));

    private static async Task<Results<Created<OpportunityDto>, Ok<OpportunityDto>>> CreateOpportunity(
        CreateOpportunityCommand request, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var (opportunity, created) = await mediator.Send(request, ct);
        response.SetETag(opportunity.Version);
        return created
            ? TypedResults.Created($"/api/v1/opportunities/{opportunity.Id}", opportunity)
            : TypedResults.Ok(opportunity);
    }

    private static async Task<Ok<OpportunityDto>> GetOpportunity(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        WithETag(response, await mediator.Send(new GetOpportunityQuery(id), ct));

    private static async Task<Ok<OpportunityDto>> UpdateOpportunity(
        Guid id, UpdateOpportunityRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        WithETag(http.Response, await mediator.Send(new UpdateOpportunityCommand(
            id, http.Request.IfMatchVersion(), request.Name, request.Amount, request.ExpectedCloseDate, request.PrimaryContactId, request.Competitor), ct));

    private static async Task<NoContent> DeleteOpportunity(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteOpportunityCommand(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<OpportunityDto>> RestoreOpportunity(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        WithETag(response, await mediator.Send(new RestoreOpportunityCommand(id), ct));

    private static async Task<Ok<OpportunityDto>> ReassignOpportunity(
        Guid id, ReassignOpportunityRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        WithETag(http.Response, await mediator.Send(
            new ReassignOpportunityCommand(id, http.Request.IfMatchVersion(), request.OwnerId, request.OccurredAt), ct));

    private static async Task<Ok<Page<OwnerChangeDto>>> ListOwnerChanges(
        Guid id, IMediator mediator, CancellationToken ct, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(new ListOwnerChangesQuery(id, limit, cursor), ct));

    private static async Task<Created<StageMoveDto>> MoveStage(Guid id, MoveStageRequest request, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var moved = await mediator.Send(new MoveStageCommand(
            id, http.Request.IfMatchVersion(), request.ToStageId, request.OccurredAt, request.LostReasonId, request.Competitor), ct);
        http.Response.SetETag(moved.Version);
        return TypedResults.Created($"/api/v1/opportunities/{id}/stage-moves", moved.Move);
    }

    private static async Task<Ok<Page<StageMoveDto>>> ListStageMoves(
        Guid id, IMediator mediator, CancellationToken ct, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(new ListStageMovesQuery(id, limit, cursor), ct));

    private static Ok<OpportunityDto> WithETag(HttpResponse response, OpportunityDto opportunity)
    {
        response.SetETag(opportunity.Version);
        return TypedResults.Ok(opportunity);
    }
}

/// <summary>The body of <c>PUT /opportunities/{id}</c>: details only; owner and stage have their own endpoints.</summary>
public sealed record UpdateOpportunityRequest(
    string Name, decimal Amount, DateOnly? ExpectedCloseDate = null, Guid? PrimaryContactId = null, string? Competitor = null);

/// <summary>The body of <c>POST /opportunities/{id}/owner</c>.</summary>
public sealed record ReassignOpportunityRequest(Guid OwnerId, DateTimeOffset? OccurredAt = null);

/// <summary>The body of <c>POST /opportunities/{id}/stage-moves</c>.</summary>
public sealed record MoveStageRequest(Guid ToStageId, DateTimeOffset? OccurredAt = null, Guid? LostReasonId = null, string? Competitor = null);
