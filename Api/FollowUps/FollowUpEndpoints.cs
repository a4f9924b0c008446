using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.FollowUps;
using SalesCrm.Application.FollowUps.CancelFollowUp;
using SalesCrm.Application.FollowUps.CompleteFollowUp;
using SalesCrm.Application.FollowUps.CreateFollowUp;
using SalesCrm.Application.FollowUps.DeleteFollowUp;
using SalesCrm.Application.FollowUps.GetFollowUp;
using SalesCrm.Application.FollowUps.ListFollowUps;
using SalesCrm.Application.FollowUps.RestoreFollowUp;

namespace SalesCrm.Api.FollowUps;

public static class FollowUpEndpoints
{
    private const string Closing =
        " Only an open follow-up can be closed (409 otherwise). `If-Match` with the follow-up's ETag is optional: when sent and stale, 412.";

    public static IEndpointRouteBuilder MapFollowUpEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/follow-ups").WithTags("Follow-ups").RequireAuthorization(Policies.ActivityWriter);
        group.MapPost("/", Create).WithName("createFollowUp").WithIdempotency()
            .Doc("Plan a follow-up", "Plans the next touch (`channel`: call, email or meeting) due at `dueAt`, on exactly one of `leadId` or `opportunityId` (in the caller's scope; 400 on that field otherwise), with optional `notes` (up to 4,000 characters). `dueAt` must not be before the follow-up's creation time (`occurredAt`, default now, never in the future — imports send the past time the plan was made) and at most five years ahead. `ownerId` defaults to the caller (integrations must name one). `externalId` (up to 200 characters) is unique per caller: a create with a known one answers 200 with the existing follow-up and changes nothing. 201 with `Location` and `ETag` when created.")
            .BadInput().Problems(403);
        group.MapGet("/", List).WithName("listFollowUps").QueryEnum<FollowUpStatusFilter>("status")
            .Doc("List follow-ups", "Follow-ups in the caller's scope as a to-do list: soonest `dueAt` first, cursor-paginated. Filters: `ownerId`, `teamId` (the owner's current team), `status` (open, completed, cancelled, or overdue = open and due before now), `dueFrom` (inclusive) and `dueTo` (exclusive), `leadId`, `opportunityId`. Each item says `isOverdue`. Deleted follow-ups are left out.")
            .BadInput().Problems(403);
        group.MapGet("/{id:guid}", Get).WithName("getFollowUp")
            .Doc("Get a follow-up", "One follow-up with its `ETag`. Deleted, missing or outside the caller's scope: 404.")
            .Problems(403, 404);
        group.MapPost("/{id:guid}/complete", Complete).WithName("completeFollowUp").RequiresIfMatch()
            .Doc("Complete a follow-up", "The planned touch happened: `completedAt` (default now; not in the future, not before the follow-up was created) and optionally `fulfilledByActivityId`, the logged call, email or meeting that fulfilled it (an activity in the caller's scope; 400 otherwise)." + Closing)
            .BadInput().Problems(403, 404, 409, 412);
        group.MapPost("/{id:guid}/cancel", Cancel).WithName("cancelFollowUp").RequiresIfMatch()
            .Doc("Cancel a follow-up", "The planned touch will not happen: `cancelledAt` defaults to now (not in the future, not before the follow-up was created)." + Closing)
            .BadInput().Problems(403, 404, 409, 412);
        group.MapDelete("/{id:guid}", Delete).WithName("deleteFollowUp")
            .Doc("Delete a follow-up", "Soft delete for a follow-up entered by mistake (cancel one whose plan changed): it leaves lists, timelines and metrics, who and when are recorded, and it can be restored. 404 outside the caller's scope.")
            .Problems(403, 404);
        group.MapPost("/{id:guid}/restore", Restore).WithName("restoreFollowUp")
            .Doc("Restore a deleted follow-up", "The owner's manager or an admin brings a deleted follow-up back (reps and integrations: 403). Restoring a live follow-up changes nothing.")
            .Problems(403, 404);
        return app;
    }

    private static async Task<Results<Created<FollowUpDto>, Ok<FollowUpDto>>> Create(
        CreateFollowUpCommand request, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var result = await mediator.Send(request, ct);
        response.SetETag(result.Record.Version);
        return result.Created
            ? TypedResults.Created($"/api/v1/follow-ups/{result.Record.Id}", result.Record)
            : TypedResults.Ok(result.Record);
    }

    private static async Task<Ok<Page<FollowUpDto>>> List(
        IMediator mediator,
        CancellationToken ct,
        Guid? ownerId = null,
        Guid? teamId = null,
        string? status = null,
        DateTimeOffset? dueFrom = null,
        DateTimeOffset? dueTo = null,
        Guid? leadId = null,
        Guid? opportunityId = null,
        int? limit = null,
        string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(new ListFollowUpsQuery(ownerId, teamId, QueryEnums.Parse<FollowUpStatusFilter>(status, nameof(status)), dueFrom, dueTo, leadId, opportunityId, limit, cursor), ct));

    private static async Task<Ok<FollowUpDto>> Get(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        WithETag(response, await mediator.Send(new GetFollowUpQuery(id), ct));

    private static async Task<Ok<FollowUpDto>> Complete(
        Guid id, IMediator mediator, HttpContext http, CancellationToken ct, CompleteFollowUpRequest? request = null) =>
        WithETag(http.Response, await mediator.Send(
            new CompleteFollowUpCommand(id, http.Request.IfMatchVersion(), request?.CompletedAt, request?.FulfilledByActivityId), ct));

    private static async Task<Ok<FollowUpDto>> Cancel(
        Guid id, IMediator mediator, HttpContext http, CancellationToken ct, CancelFollowUpRequest? request = null) =>
        WithETag(http.Response, await mediator.Send(new CancelFollowUpCommand(id, http.Request.IfMatchVersion(), request?.CancelledAt), ct));

    private static async Task<NoContent> Delete(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteFollowUpCommand(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<FollowUpDto>> Restore(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        WithETag(response, await mediator.Send(new RestoreFollowUpCommand(id), ct));

    private static Ok<FollowUpDto> WithETag(HttpResponse response, FollowUpDto followUp)
    {
        response.SetETag(followUp.Version);
        return TypedResults.Ok(followUp);
    }
}

/// <summary>The optional body of <c>POST /follow-ups/{id}/complete</c>.</summary>
public sealed record CompleteFollowUpRequest(DateTimeOffset? CompletedAt = null, Guid? FulfilledByActivityId = null);

/// <summary>The optional body of <c>POST /follow-ups/{id}/cancel</c>.</summary>
public sealed record CancelFollowUpRequest(DateTimeOffset? CancelledAt = null);
