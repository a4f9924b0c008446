using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.LeadScoring;
using SalesCrm.Application.LeadScoring.CreateScoringRule;
using SalesCrm.Application.LeadScoring.DeleteScoringRule;
using SalesCrm.Application.LeadScoring.GetScoringRule;
using SalesCrm.Application.LeadScoring.GetScoringSettings;
using SalesCrm.Application.LeadScoring.ListLeadEvents;
using SalesCrm.Application.LeadScoring.ListScoringRules;
using SalesCrm.Application.LeadScoring.RecordLeadEvent;
using SalesCrm.Application.LeadScoring.UpdateScoringRule;
using SalesCrm.Application.LeadScoring.UpdateScoringSettings;
using SalesCrm.Domain.LeadScoring;

namespace SalesCrm.Api.LeadScoring;

public static class LeadScoringEndpoints
{
    private const string Points =
        "`points` is a whole number from -100 to 100. A rule change applies to events recorded after it: each event keeps the points "
        + "it was recorded with, so a lead's score is always the sum of its events' points.";

    public static IEndpointRouteBuilder MapLeadScoringEndpoints(this IEndpointRouteBuilder app)
    {
        var scoring = app.MapGroup("/api/v1/lead-scoring").WithTags("Lead scoring");
        scoring.MapGet("/rules", ListRules).WithName("listScoringRules").RequireAuthorization(Policies.Person)
            .Doc("List scoring rules", "Every event type the organisation scores, with its points, by type. Readable by every person.")
            .Problems(403);
        scoring.MapPost("/rules", CreateRule).WithName("createScoringRule").RequireAuthorization(Policies.Admin).WithIdempotency()
            .Doc("Add a scoring rule", "Admins. `type` is a snake_case key (a lowercase letter, then lowercase letters, digits or "
                + "underscores, up to 50 characters), unique: a second rule for a type is 409. " + Points)
            .BadInput().Problems(403, 409);
        scoring.MapGet("/rules/{type}", GetRule).WithName("getScoringRule").RequireAuthorization(Policies.Person)
            .Doc("Get a scoring rule", "One rule with its `ETag`; 404 for an unknown type.")
            .Problems(403, 404);
        scoring.MapPut("/rules/{type}", UpdateRule).WithName("updateScoringRule").RequiresIfMatch().RequireAuthorization(Policies.Admin)
            .Doc("Change a rule's points", "Admins. Requires `If-Match` (428 without it, 412 when stale). " + Points)
            .BadInput().Problems(403, 404, 412, 428);
        scoring.MapDelete("/rules/{type}", DeleteRule).WithName("deleteScoringRule").RequireAuthorization(Policies.Admin)
            .Doc("Delete a scoring rule", "Admins. New events of the type are then refused (400 on `type`); recorded events keep their points.")
            .Problems(403, 404);
        scoring.MapGet("/settings", GetSettings).WithName("getScoringSettings").RequireAuthorization(Policies.Person)
            .Doc("Lead scoring settings", "The qualification threshold (default 20) and the assignment rule, with its `ETag`.")
            .Problems(403);
        scoring.MapPut("/settings", UpdateSettings).WithName("updateScoringSettings").RequiresIfMatch().RequireAuthorization(Policies.Admin)
            .Doc("Change lead scoring settings",
                "Admins. `threshold` is a whole number from 1 to 1000. A lead becomes sales-qualified when an event that adds points "
                + "leaves its score at or above the threshold (in the order events are recorded: usually the event that carries it "
                + "across) and it was never qualified before and is neither converted nor disqualified; `salesQualifiedAt` is that "
                + "event's `occurredAt`. It is then "
                + "assigned once by `assignment`: `none` (the owner stays), `round_robin` (the active reps — role rep — of `teamId` "
                + "take turns in the order their accounts were created, after the last one assigned, wrapping round; no active "
                + "rep: the owner stays) or `owner` "
                + "(the active user `userId`; inactive: the owner stays). A lead that later dips below and crosses again is not "
                + "qualified or assigned again. A threshold change applies to events recorded after it: a lead already at or above a "
                + "lowered threshold qualifies at its next event that adds points, not at the change. Requires `If-Match`.")
            .BadInput().Problems(403, 412, 428);

        var events = app.MapGroup("/api/v1/leads/{id:guid}/events").WithTags("Lead scoring").RequireAuthorization(Policies.OpportunityWriter);
        events.MapPost("/", RecordEvent).WithName("recordLeadEvent").WithIdempotency()
            .Doc("Record a lead scoring event",
                "People who can see the lead and integrations with `opportunities:write`. `type` must have a scoring rule (400 on "
                + "`type` otherwise); the event is worth the rule's points now, added to the lead's `score` in the same transaction "
                + "(concurrent events all count). `occurredAt` (default now, never in the future) back-dates it for history import. "
                + "`externalId` (up to 200 characters) is unique per caller: repeating a known one returns the recorded event with "
                + "200 and changes nothing (409 when it belongs to another lead). The answer carries the event, `qualified` (this "
                + "event made the lead sales-qualified) and the lead as it now is (score, owner after any assignment). A lead "
                + "outside the caller's scope is 404.")
            .BadInput().Problems(403, 404, 409);
        events.MapGet("/", ListEvents).WithName("listLeadEvents")
            .Doc("List a lead's scoring events", "Every scoring event of the lead, oldest first by `occurredAt`, with the points it was "
                + "recorded with and the score right after it was recorded. A lead outside the caller's scope is 404.")
            .Problems(403, 404);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ScoringRuleDto>>> ListRules(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListScoringRulesQuery(), ct));

    private static async Task<Created<ScoringRuleDto>> CreateRule(CreateScoringRuleCommand request, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var rule = await mediator.Send(request, ct);
        response.SetETag(rule.Version);
        return TypedResults.Created($"/api/v1/lead-scoring/rules/{rule.Type}", rule);
    }

    private static async Task<Ok<ScoringRuleDto>> GetRule(string type, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new GetScoringRuleQuery(type), ct));

    private static async Task<Ok<ScoringRuleDto>> UpdateRule(string type, UpdateScoringRuleRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.Response.OkWithETag(await mediator.Send(new UpdateScoringRuleCommand(type, http.Request.IfMatchVersion(), request.Points), ct));

    private static async Task<NoContent> DeleteRule(string type, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteScoringRuleCommand(type), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ScoringSettingsDto>> GetSettings(IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new GetScoringSettingsQuery(), ct));

    private static async Task<Ok<ScoringSettingsDto>> UpdateSettings(UpdateScoringSettingsRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.Response.OkWithETag(await mediator.Send(
            new UpdateScoringSettingsCommand(http.Request.IfMatchVersion(), request.Threshold, request.Assignment, request.TeamId, request.UserId), ct));

    private static async Task<Results<Created<LeadEventRecordedDto>, Ok<LeadEventRecordedDto>>> RecordEvent(
        Guid id, RecordLeadEventRequest request, IMediator mediator, CancellationToken ct)
    {
        var outcome = await mediator.Send(new RecordLeadEventCommand(id, request.Type, request.OccurredAt, request.ExternalId), ct);
        return outcome.Created
            ? TypedResults.Created($"/api/v1/leads/{id}/events", outcome.Record)
            : TypedResults.Ok(outcome.Record);
    }

    private static async Task<Ok<IReadOnlyList<LeadScoreEventDto>>> ListEvents(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListLeadEventsQuery(id), ct));
}

/// <summary>The body of <c>PUT /lead-scoring/rules/{type}</c>.</summary>
public sealed record UpdateScoringRuleRequest(int Points);

/// <summary>The body of <c>PUT /lead-scoring/settings</c>.</summary>
public sealed record UpdateScoringSettingsRequest(int Threshold, LeadAssignmentRule Assignment = LeadAssignmentRule.None, Guid? TeamId = null, Guid? UserId = null);

/// <summary>The body of <c>POST /leads/{id}/events</c>.</summary>
public sealed record RecordLeadEventRequest(string Type, DateTimeOffset? OccurredAt = null, string? ExternalId = null);
