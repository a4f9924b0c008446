using Mediator;
using SalesCrm.Application.Common.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Activities;
using SalesCrm.Application.Activities.DeleteActivity;
using SalesCrm.Application.Activities.GetActivity;
using SalesCrm.Application.Activities.ListActivities;
using SalesCrm.Application.Activities.LogActivityBatch;
using SalesCrm.Application.Activities.LogCall;
using SalesCrm.Application.Activities.LogEmail;
using SalesCrm.Application.Activities.LogMeeting;
using SalesCrm.Application.Activities.LogNote;
using SalesCrm.Application.Activities.RecordEmailReply;
using SalesCrm.Application.Activities.RestoreActivity;
using SalesCrm.Application.Activities.UpdateMeeting;
using SalesCrm.Domain.Activities;

namespace SalesCrm.Api.Activities;

public static class ActivityEndpoints
{
    private const string Recording =
        " `ownerId` defaults to the caller (integrations must name it; people may name someone in their scope); the activity"
        + " also keeps the owner's team at recording time (`teamId`). Link at least one of `leadId`, `contactId`, `accountId`,"
        + " `opportunityId`: any live account or contact, and leads and opportunities in the caller's scope (otherwise 400 on"
        + " that field; a missing link is reported on `leadId`). `externalId` (up to 200 characters) is unique per caller: a"
        + " create whose `externalId` the caller already used answers 200 with the existing activity and changes nothing."
        + " Answers 201 with `Location` and `ETag` when created. The answer is sent only after the activity is committed.";

    private const string PastOnly = " `occurredAt` defaults to now and must not be in the future (history imports send past times).";

    public static IEndpointRouteBuilder MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/activities").WithTags("Activities").RequireAuthorization(Policies.ActivityWriter);
        group.MapPost("/calls", LogCall).WithName("logCall").WithIdempotency()
            .Doc("Log a call", "Records a call: `direction` (outbound/inbound), `outcome` (connected, no_answer, voicemail, busy, wrong_number), `durationSeconds` (0–86400), optional `notes` (up to 4,000 characters)." + PastOnly + Recording)
            .BadInput().Problems(403);
        group.MapPost("/emails", LogEmail).WithName("logEmail").WithIdempotency()
            .Doc("Log an email", "Records an email: `direction`, `subject` (up to 500 characters), optional `notes`, and `repliedAt` if a reply already came (not before the email, not in the future). `occurredAt` is the time it was sent." + PastOnly + Recording)
            .BadInput().Problems(403);
        group.MapPost("/emails/{id:guid}/reply", RecordEmailReply).WithName("recordEmailReply")
            .Doc("Record a reply to an email", "Marks a logged email as replied (email sync usually learns this later). `repliedAt` defaults to now, must not be in the future nor before the email was sent. The first reply is what counts: an earlier recorded reply is kept, and repeating the call changes nothing (safe to retry). 404 when the id is not an email in the caller's scope.")
            .BadInput().Problems(403, 404);
        group.MapPost("/meetings", LogMeeting).WithName("logMeeting").WithIdempotency()
            .Doc("Log a meeting", "Records a meeting booked or held: `occurredAt` is the scheduled start and, unlike other activities, may be in the future (at most two years ahead; default now); `durationSeconds` (0–86400), `outcome` (scheduled — the default —, held, no_show, cancelled; held and no_show only once the start has passed), optional `subject` and `notes`." + Recording)
            .BadInput().Problems(403);
        group.MapPut("/meetings/{id:guid}", UpdateMeeting).WithName("updateMeeting").RequiresIfMatch()
            .Doc("Update a meeting", "Sets a meeting's outcome after it happened, or reschedules it: replaces `occurredAt`, `durationSeconds`, `outcome`, `subject` and `notes`. Owner and links never change here. Requires `If-Match` with the meeting's ETag (428 without it, 412 when stale).")
            .BadInput().Problems(403, 404, 412, 428);
        group.MapPost("/notes", LogNote).WithName("logNote").WithIdempotency()
            .Doc("Add a note", "Records a free-text note (`body`, up to 20,000 characters)." + PastOnly + Recording)
            .BadInput().Problems(403);
        group.MapPost("/batch", LogBatch).WithName("logActivityBatch").WithIdempotency()
            .Doc("Record a batch of activities", "For integrations: up to 1,000 activities of any type in `items`, each with `type` (call, email, meeting, note) and that type's fields as its single create takes them. Every item is checked on its own, exactly like the single create; the valid items are committed (together) even when others fail, and the answer (200) lists one result per item, in order: `created` with the new `id`, `duplicate` with the existing `id` (its `externalId` was recorded before, or repeats an earlier item of the same batch), or `error` with field errors keyed `items[i].field`. More than 1,000 items, or none, is a 400 and records nothing; so is a body that is not valid JSON for the schema (unknown fields, wrong types, unknown enum values), with the error keyed by the item's path.")
            .BadInput().Problems(403, 413);
        group.MapGet("/", List).WithName("listActivities").QueryEnum<ActivityType>("type")
            .Doc("List activities", "Activities in the caller's scope (reps: their own; managers: their team's; admins and integrations: all), newest first by `occurredAt`, cursor-paginated. Filters: `type`, `ownerId`, `teamId` (the owner's team when the activity was recorded), `from` (inclusive) and `to` (exclusive) on `occurredAt`, and the linked `leadId`, `contactId`, `accountId`, `opportunityId`. Deleted activities are left out.")
            .BadInput().Problems(403);
        group.MapGet("/{id:guid}", Get).WithName("getActivity")
            .Doc("Get an activity", "One activity with its `ETag`. Deleted, missing or outside the caller's scope: 404.")
            .Problems(403, 404);
        group.MapDelete("/{id:guid}", Delete).WithName("deleteActivity")
            .Doc("Delete an activity", "Soft delete: the activity leaves lists, timelines and metrics (who and when are recorded) and can be restored. 404 outside the caller's scope.")
            .Problems(403, 404);
        group.MapPost("/{id:guid}/restore", Restore).WithName("restoreActivity")
            .Doc("Restore a deleted activity", "The owner's manager or an admin brings a deleted activity back (reps and integrations: 403). Restoring a live activity changes nothing.")
            .Problems(403, 404);
        return app;
    }

    private static async Task<Results<Created<ActivityDto>, Ok<ActivityDto>>> LogCall(
        LogCallCommand request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        Logged(response, await mediator.Send(request, ct));

    private static async Task<Results<Created<ActivityDto>, Ok<ActivityDto>>> LogEmail(
        LogEmailCommand request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        Logged(response, await mediator.Send(request, ct));

    private static async Task<Results<Created<ActivityDto>, Ok<ActivityDto>>> LogMeeting(
        LogMeetingCommand request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        Logged(response, await mediator.Send(request, ct));

    private static async Task<Results<Created<ActivityDto>, Ok<ActivityDto>>> LogNote(
        LogNoteCommand request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        Logged(response, await mediator.Send(request, ct));

    private static async Task<Ok<ActivityBatchResult>> LogBatch(LogActivityBatchCommand request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(request, ct));

    private static async Task<Ok<ActivityDto>> RecordEmailReply(
        Guid id, IMediator mediator, HttpResponse response, CancellationToken ct, RecordEmailReplyRequest? request = null) =>
        WithETag(response, await mediator.Send(new RecordEmailReplyCommand(id, request?.RepliedAt), ct));

    private static async Task<Ok<ActivityDto>> UpdateMeeting(
        Guid id, UpdateMeetingRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        WithETag(http.Response, await mediator.Send(
            new UpdateMeetingCommand(id, http.Request.IfMatchVersion(), request.OccurredAt, request.DurationSeconds, request.Outcome, request.Subject, request.Notes), ct));

    private static async Task<Ok<Application.Common.Paging.Page<ActivityDto>>> List(
        IMediator mediator,
        CancellationToken ct,
        string? type = null,
        Guid? ownerId = null,
        Guid? teamId = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        Guid? leadId = null,
        Guid? contactId = null,
        Guid? accountId = null,
        Guid? opportunityId = null,
        int? limit = null,
        string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(
            new ListActivitiesQuery(QueryEnums.Parse<ActivityType>(type, nameof(type)), ownerId, teamId, from, to, leadId, contactId, accountId, opportunityId, limit, cursor), ct));

    private static async Task<Ok<ActivityDto>> Get(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        WithETag(response, await mediator.Send(new GetActivityQuery(id), ct));

    private static async Task<NoContent> Delete(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteActivityCommand(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ActivityDto>> Restore(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        WithETag(response, await mediator.Send(new RestoreActivityCommand(id), ct));

    private static Results<Created<ActivityDto>, Ok<ActivityDto>> Logged(HttpResponse response, CreateOutcome<ActivityDto> logged)
    {
        response.SetETag(logged.Record.Version);
        return logged.Created
            ? TypedResults.Created($"/api/v1/activities/{logged.Record.Id}", logged.Record)
            : TypedResults.Ok(logged.Record);
    }

    private static Ok<ActivityDto> WithETag(HttpResponse response, ActivityDto activity)
    {
        response.SetETag(activity.Version);
        return TypedResults.Ok(activity);
    }
}

/// <summary>The body of <c>POST /activities/emails/{id}/reply</c>; optional, and <c>repliedAt</c> defaults to now.</summary>
public sealed record RecordEmailReplyRequest(DateTimeOffset? RepliedAt = null);

/// <summary>The body of <c>PUT /activities/meetings/{id}</c>: the id travels in the route, the version in <c>If-Match</c>.</summary>
public sealed record UpdateMeetingRequest(
    DateTimeOffset OccurredAt, int DurationSeconds, MeetingOutcome Outcome, string? Subject = null, string? Notes = null);
