using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Accounts;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Contacts;
using SalesCrm.Application.Contacts.CreateContact;
using SalesCrm.Application.Contacts.DeleteContact;
using SalesCrm.Application.Contacts.GetContact;
using SalesCrm.Application.Contacts.ListContacts;
using SalesCrm.Application.Contacts.ReassignContact;
using SalesCrm.Application.Contacts.RestoreContact;
using SalesCrm.Application.Contacts.UpdateContact;

namespace SalesCrm.Api.Contacts;

public static class ContactEndpoints
{
    public static IEndpointRouteBuilder MapContactEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/contacts").WithTags("Contacts");
        group.MapGet("/", ListContacts).WithName("listContacts").RequireAuthorization(Policies.SalesDirectoryReader).QueryEnum<ListSort>("sort")
            .Doc("List contacts", DirectoryDocs.Read + " Filters: `ownerId`, `teamId` (the owner's team), `accountId`, `q` (part of the "
                + "first name, last name, full name or email, case-insensitive), `createdFrom` (inclusive) and `createdTo` (exclusive). "
                + "`sort=newest` (default) or `sort=name` (last name, then first name). Cursor-paginated (`limit` 1–200, default 50); "
                + "a cursor only works with the sort it came from. Deleted contacts are left out.")
            .BadInput().Problems(403);
        group.MapPost("/", CreateContact).WithName("createContact").RequireAuthorization(Policies.OpportunityWriter).WithIdempotency()
            .Doc("Create a contact", "Adds a person to the shared directory; `accountId` (optional) must be a live account "
                + "(400 otherwise). " + DirectoryDocs.Create)
            .BadInput().Problems(403);
        group.MapGet("/{id:guid}", GetContact).WithName("getContact").RequireAuthorization(Policies.SalesDirectoryReader)
            .Doc("Get a contact", DirectoryDocs.Read + " Returns an `ETag` for updates. A deleted contact answers 404.")
            .Problems(403, 404);
        group.MapPut("/{id:guid}", UpdateContact).WithName("updateContact").RequiresIfMatch().RequireAuthorization(Policies.OpportunityWriter)
            .Doc("Update a contact", "Replaces the account link and the details (the owner changes only through "
                + "`POST /contacts/{id}/owner`); a changed `accountId` must be a live account. " + DirectoryDocs.Write + " " + DirectoryDocs.IfMatch)
            .BadInput().Problems(403, 404, 412, 428);
        group.MapPost("/{id:guid}/owner", ReassignContact).WithName("reassignContact").DirectoryReassign("Reassign a contact");
        group.MapDelete("/{id:guid}", DeleteContact).WithName("deleteContact").DirectoryDelete("Delete a contact");
        group.MapPost("/{id:guid}/restore", RestoreContact).WithName("restoreContact").DirectoryRestore("Restore a contact");
        return app;
    }

    private static async Task<Ok<Page<ContactDto>>> ListContacts(
        IMediator mediator,
        CancellationToken ct,
        Guid? ownerId = null,
        Guid? teamId = null,
        Guid? accountId = null,
        string? q = null,
        DateTimeOffset? createdFrom = null,
        DateTimeOffset? createdTo = null,
        string? sort = null,
        int? limit = null,
        string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(
            new ListContactsQuery(ownerId, teamId, accountId, q, createdFrom, createdTo, QueryEnums.Parse<ListSort>(sort, "sort"), limit, cursor), ct));

    private static async Task<Results<Created<ContactDto>, Ok<ContactDto>>> CreateContact(
        CreateContactCommand request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.CreatedOrFound(await mediator.Send(request, ct), contact => $"/api/v1/contacts/{contact.Id}");

    private static async Task<Ok<ContactDto>> GetContact(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new GetContactQuery(id), ct));

    private static async Task<Ok<ContactDto>> UpdateContact(
        Guid id, UpdateContactRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.Response.OkWithETag(await mediator.Send(
            new UpdateContactCommand(
                id, http.Request.IfMatchVersion(), request.FirstName, request.LastName, request.AccountId, request.Email, request.Phone, request.Title),
            ct));

    private static async Task<Ok<ContactDto>> ReassignContact(
        Guid id, ReassignOwnerRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.Response.OkWithETag(await mediator.Send(new ReassignContactCommand(id, http.Request.IfMatchVersion(), request.OwnerId), ct));

    private static Task<NoContent> DeleteContact(Guid id, IMediator mediator, CancellationToken ct) =>
        mediator.SendForNoContent(new DeleteContactCommand(id), ct);

    private static async Task<Ok<ContactDto>> RestoreContact(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new RestoreContactCommand(id), ct));
}

/// <summary>The body of <c>PUT /contacts/{id}</c>: the id travels in the route, the version in <c>If-Match</c>.</summary>
public sealed record UpdateContactRequest(
    string FirstName,
    string LastName,
    Guid? AccountId = null,
    string? Email = null,
    string? Phone = null,
    string? Title = null);
