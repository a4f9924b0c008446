using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Accounts;
using SalesCrm.Application.Accounts.CreateAccount;
using SalesCrm.Application.Accounts.DeleteAccount;
using SalesCrm.Application.Accounts.GetAccount;
using SalesCrm.Application.Accounts.ListAccounts;
using SalesCrm.Application.Accounts.ReassignAccount;
using SalesCrm.Application.Accounts.RestoreAccount;
using SalesCrm.Application.Accounts.UpdateAccount;
using SalesCrm.Application.Common.Paging;

namespace SalesCrm.Api.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/accounts").WithTags("Accounts");
        group.MapGet("/", ListAccounts).WithName("listAccounts").RequireAuthorization(Policies.SalesDirectoryReader).QueryEnum<ListSort>("sort")
            .Doc("List accounts", DirectoryDocs.Read + " Filters: `ownerId`, `teamId` (the owner's team), `q` (part of the name or domain, "
                + "case-insensitive), `createdFrom` (inclusive) and `createdTo` (exclusive). `sort=newest` (default) or `sort=name` (A–Z). "
                + "Cursor-paginated (`limit` 1–200, default 50); a cursor only works with the sort it came from. Deleted accounts are left out.")
            .BadInput().Problems(403);
        group.MapPost("/", CreateAccount).WithName("createAccount").RequireAuthorization(Policies.OpportunityWriter).WithIdempotency()
            .Doc("Create an account", "Adds a company to the shared directory. " + DirectoryDocs.Create)
            .BadInput().Problems(403);
        group.MapGet("/{id:guid}", GetAccount).WithName("getAccount").RequireAuthorization(Policies.SalesDirectoryReader)
            .Doc("Get an account", DirectoryDocs.Read + " Returns an `ETag` for updates. A deleted account answers 404.")
            .Problems(403, 404);
        group.MapPut("/{id:guid}", UpdateAccount).WithName("updateAccount").RequiresIfMatch().RequireAuthorization(Policies.OpportunityWriter)
            .Doc("Update an account", "Replaces name, domain and industry (the owner changes only through `POST /accounts/{id}/owner`). "
                + DirectoryDocs.Write + " " + DirectoryDocs.IfMatch)
            .BadInput().Problems(403, 404, 412, 428);
        group.MapPost("/{id:guid}/owner", ReassignAccount).WithName("reassignAccount").DirectoryReassign("Reassign an account");
        group.MapDelete("/{id:guid}", DeleteAccount).WithName("deleteAccount")
            .DirectoryDelete("Delete an account", "Its contacts and opportunities are not deleted with it.");
        group.MapPost("/{id:guid}/restore", RestoreAccount).WithName("restoreAccount").DirectoryRestore("Restore an account");
        return app;
    }

    private static async Task<Ok<Page<AccountDto>>> ListAccounts(
        IMediator mediator,
        CancellationToken ct,
        Guid? ownerId = null,
        Guid? teamId = null,
        string? q = null,
        DateTimeOffset? createdFrom = null,
        DateTimeOffset? createdTo = null,
        string? sort = null,
        int? limit = null,
        string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(new ListAccountsQuery(ownerId, teamId, q, createdFrom, createdTo, QueryEnums.Parse<ListSort>(sort, "sort"), limit, cursor), ct));

    private static async Task<Results<Created<AccountDto>, Ok<AccountDto>>> CreateAccount(
        CreateAccountCommand request, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.CreatedOrFound(await mediator.Send(request, ct), account => $"/api/v1/accounts/{account.Id}");

    private static async Task<Ok<AccountDto>> GetAccount(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new GetAccountQuery(id), ct));

    private static async Task<Ok<AccountDto>> UpdateAccount(
        Guid id, UpdateAccountRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.Response.OkWithETag(await mediator.Send(
            new UpdateAccountCommand(id, http.Request.IfMatchVersion(), request.Name, request.Domain, request.Industry), ct));

    private static async Task<Ok<AccountDto>> ReassignAccount(
        Guid id, ReassignOwnerRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.Response.OkWithETag(await mediator.Send(new ReassignAccountCommand(id, http.Request.IfMatchVersion(), request.OwnerId), ct));

    private static Task<NoContent> DeleteAccount(Guid id, IMediator mediator, CancellationToken ct) =>
        mediator.SendForNoContent(new DeleteAccountCommand(id), ct);

    private static async Task<Ok<AccountDto>> RestoreAccount(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new RestoreAccountCommand(id), ct));
}

/// <summary>The body of <c>PUT /accounts/{id}</c>: the id travels in the route, the version in <c>If-Match</c>.</summary>
public sealed record UpdateAccountRequest(string Name, string? Domain = null, string? Industry = null);
