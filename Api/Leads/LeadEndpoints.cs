using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Leads;
using SalesCrm.Application.Leads.ConvertLead;
using SalesCrm.Application.Leads.CreateLead;
using SalesCrm.Application.Leads.DeleteLead;
using SalesCrm.Application.Leads.GetLead;
using SalesCrm.Application.Leads.ListLeads;
using SalesCrm.Application.Leads.ReassignLead;
using SalesCrm.Application.Leads.RestoreLead;
using SalesCrm.Application.Leads.UpdateLead;
using SalesCrm.Domain.Leads;

namespace SalesCrm.Api.Leads;

public static class LeadEndpoints
{
    private const string Scope =
        "Leads are owned records: reps see and change their own, managers their team's, admins and integrations with "
        + "`opportunities:write` all of them; a lead outside the caller's scope answers 404, as if it did not exist.";

    private const string IfMatch = "Requires `If-Match` with the lead's ETag: 428 without it, 412 when it is stale (nothing changes).";

    public static IEndpointRouteBuilder MapLeadEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/leads").WithTags("Leads").RequireAuthorization(Policies.OpportunityWriter);
        group.MapGet("/", ListLeads).WithName("listLeads").QueryEnum<LeadStatus>("status").QueryEnum<ListSort>("sort")
            .Doc("List leads", Scope + " Filters: `ownerId`, `teamId` (the owner's team), `status`, `source` (exact, case-insensitive), "
                + "`q` (part of the name, company or email, case-insensitive), `createdFrom` (inclusive) and `createdTo` (exclusive). "
                + "`sort=newest` (default) or `sort=name` (A–Z). Cursor-paginated (`limit` 1–200, default 50); a cursor only works "
                + "with the sort it came from. Deleted leads are left out.")
            .BadInput().Problems(403);
        group.MapPost("/", CreateLead).WithName("createLead").WithIdempotency()
            .Doc("Create a lead", "Records a lead; `status` defaults to `new` and may be `new`, `working`, `qualified` or `disqualified` "
                + "(`converted` only through conversion); `disqualificationReason` (up to 200 characters) is required for, and only "
                + "allowed with, `disqualified`. The owner defaults to the caller; reps may only name themselves, managers people of "
                + "their team, and integrations must name an active `ownerId`. `occurredAt` (default now, never in the future) is when "
                + "the lead really came in (its `createdAt`, from which lead response time is measured). `externalId` (up to 200 "
                + "characters) is unique per caller: repeating a known one returns the existing lead with 200 and changes nothing "
                + "(409 if that lead was deleted or has left the caller's scope). Lengths: name, company and source up to 200 "
                + "characters, email up to 254, phone up to 50. " + Scope)
            .BadInput().Problems(403);
        group.MapGet("/{id:guid}", GetLead).WithName("getLead")
            .Doc("Get a lead", "One lead, with an `ETag` for updates. " + Scope)
            .Problems(403, 404);
        group.MapPut("/{id:guid}", UpdateLead).WithName("updateLead").RequiresIfMatch()
            .Doc("Update a lead", "Replaces name, company, email, phone, source, `status` and `disqualificationReason` (the owner changes "
                + "only through `POST /leads/{id}/owner`). `status` moves freely between `new`, `working`, `qualified` and "
                + "`disqualified` (with a reason); `converted` is set only by conversion (400 here), and a converted lead stays "
                + "converted (409 for another status; its details can still be edited). " + Scope + " " + IfMatch)
            .BadInput().Problems(403, 404, 409, 412, 428);
        group.MapPost("/{id:guid}/owner", ReassignLead).WithName("reassignLead").RequiresIfMatch()
            .DocReassign("Reassign a lead", "Sets a new owner (body `ownerId`, an active user in the caller's scope, else 400). "
                + "Managers (for their team's leads, to people of their team), admins and integrations with `opportunities:write`; "
                + "reps get 403. " + Scope + " " + IfMatch);
        group.MapPost("/{id:guid}/convert", ConvertLead).WithName("convertLead").RequiresIfMatch().WithIdempotency()
            .Doc("Convert a lead", "In one transaction: creates an account (or reuses the live account named by `accountId`; by "
                + "default the new account is named after the lead's company, or the lead), a contact at it (by default the lead's "
                + "name split at its last space, with the lead's email and phone; a one-word name needs `contact`), and an "
                + "opportunity (`opportunity.name`, `amount` 0 to 1,000,000,000,000 with at most 4 decimals, optional "
                + "`expectedCloseDate`) whose `leadId` is this lead, in the first open stage of `opportunity.pipelineId` or of the "
                + "default pipeline, with its first stage move; then marks the lead `converted`. All three belong to the lead's "
                + "owner. `occurredAt` (default now; not in the future, not before the lead was created) is the conversion time: "
                + "the records' creation, the stage entry and `convertedAt`. Answers 200 with the three ids and the converted lead "
                + "(and its new `ETag`). A converted or disqualified lead is 409; an unknown or archived pipeline is 400 on "
                + "`opportunity.pipelineId`; on any failure nothing is written. " + Scope + " " + IfMatch)
            .BadInput().Problems(403, 404, 409, 412, 428);
        group.MapDelete("/{id:guid}", DeleteLead).WithName("deleteLead")
            .DocDeleteOrRestore("Delete a lead", "Soft delete: the lead is kept with who deleted it and when, drops out of lists and "
                + "metrics and answers 404 from then on; an admin or the owner's manager can restore it. " + Scope);
        group.MapPost("/{id:guid}/restore", RestoreLead).WithName("restoreLead")
            .DocDeleteOrRestore("Restore a lead", "Brings a deleted lead back (200 with the lead): admins, and managers for leads owned "
                + "in their team; reps and integrations get 403. Restoring a lead that is not deleted returns it unchanged. " + Scope);
        return app;
    }

    private static async Task<Ok<Page<LeadDto>>> ListLeads(
        IMediator mediator,
        CancellationToken ct,
        Guid? ownerId = null,
        Guid? teamId = null,
        string? status = null,
        string? source = null,
        string? q = null,
        DateTimeOffset? createdFrom = null,
        DateTimeOffset? createdTo = null,
        string? sort = null,
        int? limit = null,
        string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(
            new ListLeadsQuery(
                ownerId,
                teamId,
                QueryEnums.Parse<LeadStatus>(status, "status"),
                source,
                q,
                createdFrom,
                createdTo,
                QueryEnums.Parse<ListSort>(sort, "sort"),
                limit,
                cursor),
            ct));

    private static async Task<Results<Created<LeadDto>, Ok<LeadDto>>> CreateLead(
        CreateLeadCommand request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.CreatedOrFound(await mediator.Send(request, ct), lead => $"/api/v1/leads/{lead.Id}");

    private static async Task<Ok<LeadDto>> GetLead(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new GetLeadQuery(id), ct));

    private static async Task<Ok<LeadDto>> UpdateLead(
        Guid id, UpdateLeadRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.Response.OkWithETag(await mediator.Send(
            new UpdateLeadCommand(
                id,
                http.Request.IfMatchVersion(),
                request.Name,
                request.Company,
                request.Email,
                request.Phone,
                request.Source,
                request.Status,
                request.DisqualificationReason),
            ct));

    private static async Task<Ok<LeadDto>> ReassignLead(
        Guid id, ReassignOwnerRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.Response.OkWithETag(await mediator.Send(new ReassignLeadCommand(id, http.Request.IfMatchVersion(), request.OwnerId), ct));

    private static async Task<Ok<LeadConversionDto>> ConvertLead(
        Guid id, ConvertLeadRequest request, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var conversion = await mediator.Send(
            new ConvertLeadCommand(
                id, http.Request.IfMatchVersion(), request.Opportunity, request.AccountId, request.Account, request.Contact, request.OccurredAt),
            ct);
        http.Response.SetETag(conversion.Lead.Version);
        return TypedResults.Ok(conversion);
    }

    private static Task<NoContent> DeleteLead(Guid id, IMediator mediator, CancellationToken ct) =>
        mediator.SendForNoContent(new DeleteLeadCommand(id), ct);

    private static async Task<Ok<LeadDto>> RestoreLead(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new RestoreLeadCommand(id), ct));
}

/// <summary>The body of <c>PUT /leads/{id}</c>: the id travels in the route, the version in <c>If-Match</c>.</summary>
public sealed record UpdateLeadRequest(
    string Name,
    LeadStatus Status,
    string? Company = null,
    string? Email = null,
    string? Phone = null,
    string? Source = null,
    string? DisqualificationReason = null);

/// <summary>The body of <c>POST /leads/{id}/convert</c>: what the lead becomes.</summary>
public sealed record ConvertLeadRequest(
    ConvertLeadOpportunity Opportunity,
    Guid? AccountId = null,
    ConvertLeadAccount? Account = null,
    ConvertLeadContact? Contact = null,
    DateTimeOffset? OccurredAt = null);
