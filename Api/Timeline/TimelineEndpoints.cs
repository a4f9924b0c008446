using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Timeline;
using SalesCrm.Application.Timeline.GetTimeline;

namespace SalesCrm.Api.Timeline;

public static class TimelineEndpoints
{
    private const string Common =
        " Newest first by `occurredAt` (entries of one time: stage moves, then follow-ups completed, then follow-ups planned, then activities), cursor-paginated."
        + " Each entry has a `kind` and exactly one of `activity`, `followUp` (as it is now) or `stageMove`. Deleted activities and follow-ups are left out.";

    public static IEndpointRouteBuilder MapTimelineEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Timeline").RequireAuthorization(Policies.ActivityWriter);
        group.MapGet("/leads/{id:guid}/timeline", Lead).WithName("getLeadTimeline")
            .Doc("A lead's timeline", "The lead's activities and follow-ups (planned and completed)." + Common + " 404 when the lead is not in the caller's scope.")
            .BadInput().Problems(403, 404);
        group.MapGet("/contacts/{id:guid}/timeline", Contact).WithName("getContactTimeline")
            .Doc("A contact's timeline", "The activities linked to the contact." + Common + " Contacts are shared, so any live contact has a timeline, but it only shows activities the caller may see (their own, their team's, or all for admins and integrations).")
            .BadInput().Problems(403, 404);
        group.MapGet("/accounts/{id:guid}/timeline", Account).WithName("getAccountTimeline")
            .Doc("An account's timeline", "The activities linked to the account itself (not those only linked to its contacts or opportunities)." + Common + " Accounts are shared, so any live account has a timeline, but it only shows activities the caller may see.")
            .BadInput().Problems(403, 404);
        group.MapGet("/opportunities/{id:guid}/timeline", Opportunity).WithName("getOpportunityTimeline")
            .Doc("An opportunity's timeline", "The opportunity's activities, follow-ups (planned and completed) and stage moves (its creation is the first, without a from-stage)." + Common + " 404 when the opportunity is not in the caller's scope.")
            .BadInput().Problems(403, 404);
        return app;
    }

    private static Task<Ok<Page<TimelineEntry>>> Lead(Guid id, IMediator mediator, CancellationToken ct, int? limit = null, string? cursor = null) =>
        Read(RecordKind.Lead, id, mediator, limit, cursor, ct);

    private static Task<Ok<Page<TimelineEntry>>> Contact(Guid id, IMediator mediator, CancellationToken ct, int? limit = null, string? cursor = null) =>
        Read(RecordKind.Contact, id, mediator, limit, cursor, ct);

    private static Task<Ok<Page<TimelineEntry>>> Account(Guid id, IMediator mediator, CancellationToken ct, int? limit = null, string? cursor = null) =>
        Read(RecordKind.Account, id, mediator, limit, cursor, ct);

    private static Task<Ok<Page<TimelineEntry>>> Opportunity(Guid id, IMediator mediator, CancellationToken ct, int? limit = null, string? cursor = null) =>
        Read(RecordKind.Opportunity, id, mediator, limit, cursor, ct);

    private static async Task<Ok<Page<TimelineEntry>>> Read(RecordKind record, Guid id, IMediator mediator, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetTimelineQuery(record, id, limit, cursor), ct));
}
