using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.TimeEntries;
using SalesCrm.Application.TimeEntries.CreateTimeEntry;
using SalesCrm.Application.TimeEntries.DeleteTimeEntry;
using SalesCrm.Application.TimeEntries.GetTimeEntry;
using SalesCrm.Application.TimeEntries.ListTimeEntries;
using SalesCrm.Application.TimeEntries.UpdateTimeEntry;
using SalesCrm.Domain.TimeEntries;

namespace SalesCrm.Api.TimeEntries;

public static class TimeEntryEndpoints
{
    private const string Fields =
        "`kind` is `admin`, `training`, `internal_meeting` or `travel`; `durationMinutes` a whole number from 1 to 1,440; "
        + "`occurredAt` when it started (default now, never in the future, so past weeks can be imported); `note` up to 2,000 characters.";

    public static IEndpointRouteBuilder MapTimeEntryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/time-entries").WithTags("Time entries").RequireAuthorization(Policies.Person);
        group.MapPost("/", Create).WithName("createTimeEntry").WithIdempotency()
            .Doc("Log non-selling time",
                "Non-selling time the selling-time metric sets against calls, meetings and emails. " + Fields
                + " `ownerId` defaults to the caller: a rep logs their own, a manager for a rep of their team, an admin for anyone "
                + "(400 on `ownerId` outside that). 201 with `Location` and `ETag`.")
            .BadInput().Problems(403);
        group.MapGet("/", List).WithName("listTimeEntries").QueryEnum<TimeEntryKind>("kind")
            .Doc("List time entries",
                "Time entries in the caller's scope (a rep their own, a manager their team's, an admin everyone's), newest `occurredAt` "
                + "first, cursor-paginated. Filters: `ownerId`, `teamId` (the owner's current team), `kind`, `from` (inclusive) and `to` "
                + "(exclusive) on `occurredAt`. Deleted entries are left out.")
            .BadInput().Problems(403);
        group.MapGet("/{id:guid}", Get).WithName("getTimeEntry")
            .Doc("Get a time entry", "One time entry with its `ETag`. Outside the caller's scope the answer is 404.")
            .Problems(403, 404);
        group.MapPut("/{id:guid}", Update).WithName("updateTimeEntry").RequiresIfMatch()
            .Doc("Correct a time entry", "Sets kind, start, duration and note (the owner never changes). " + Fields
                + " Requires `If-Match` (428 without it, 412 when stale); 404 outside the caller's scope.")
            .BadInput().Problems(403, 404, 412, 428);
        group.MapDelete("/{id:guid}", Delete).WithName("deleteTimeEntry")
            .Doc("Delete a time entry", "Removes the entry (soft) from lists and from the selling-time metric; 404 outside the caller's scope.")
            .Problems(403, 404);
        return app;
    }

    private static async Task<Ok<Page<TimeEntryDto>>> List(
        IMediator mediator, CancellationToken ct, Guid? ownerId = null, Guid? teamId = null, string? kind = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(
            new ListTimeEntriesQuery(ownerId, teamId, QueryEnums.Parse<TimeEntryKind>(kind, "kind"), from, to, limit, cursor), ct));

    private static async Task<Created<TimeEntryDto>> Create(CreateTimeEntryCommand request, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var entry = await mediator.Send(request, ct);
        response.SetETag(entry.Version);
        return TypedResults.Created($"/api/v1/time-entries/{entry.Id}", entry);
    }

    private static async Task<Ok<TimeEntryDto>> Get(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new GetTimeEntryQuery(id), ct));

    private static async Task<Ok<TimeEntryDto>> Update(Guid id, UpdateTimeEntryRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.Response.OkWithETag(await mediator.Send(
            new UpdateTimeEntryCommand(id, http.Request.IfMatchVersion(), request.Kind, request.OccurredAt, request.DurationMinutes, request.Note), ct));

    private static async Task<NoContent> Delete(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteTimeEntryCommand(id), ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The body of <c>PUT /time-entries/{id}</c>.</summary>
public sealed record UpdateTimeEntryRequest(TimeEntryKind Kind, DateTimeOffset OccurredAt, int DurationMinutes, string? Note = null);
