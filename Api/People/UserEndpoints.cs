using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.People;
using SalesCrm.Application.People.CreateUser;
using SalesCrm.Application.People.GetUser;
using SalesCrm.Application.People.ListUsers;
using SalesCrm.Application.People.SetUserActive;
using SalesCrm.Application.People.UpdateUser;
using SalesCrm.Domain.People;

namespace SalesCrm.Api.People;

public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users");
        group.MapGet("/", ListUsers).WithName("listUsers").RequireAuthorization(Policies.DirectoryReader)
            .Doc("List users", "People, oldest first, cursor-paginated, filtered by `teamId`, `isActive` and `q` (part of the email or name, case-insensitive). Admins and integrations with `directory:read` see everyone; managers see their own team only.")
            .BadInput().Problems(403);
        group.MapPost("/", CreateUser).WithName("createUser").RequireAuthorization(Policies.Admin)
            .Doc("Create a user", "Admins only. Emails are unique (case-insensitive); a manager must be given the team they manage; the initial password has 12–128 characters. `startedOn` (optional) is the rep's start date for ramp time (unset: the date the user was created).")
            .BadInput().Problems(403, 409);
        group.MapGet("/{id:guid}", GetUser).WithName("getUser").RequireAuthorization(Policies.DirectoryReader)
            .Doc("Get a user", "One person, with an `ETag` for updates. Outside the caller's scope the answer is 404.")
            .Problems(403, 404);
        group.MapPut("/{id:guid}", UpdateUser).WithName("updateUser").RequiresIfMatch().RequireAuthorization(Policies.Admin)
            .Doc("Update a user", "Admins only. Sets name, role and team, and `startedOn` when sent (omitted: unchanged); requires `If-Match` with the user's ETag (428 without it, 412 when stale).")
            .BadInput().Problems(403, 404, 412, 428);
        group.MapPost("/{id:guid}/deactivate", Deactivate).WithName("deactivateUser").RequireAuthorization(Policies.Admin)
            .Doc("Deactivate a user", "Admins only. The person can no longer sign in, their sessions end at once, and their records stay. Deactivating yourself is 409.")
            .Problems(403, 404, 409);
        group.MapPost("/{id:guid}/reactivate", Reactivate).WithName("reactivateUser").RequireAuthorization(Policies.Admin)
            .Doc("Reactivate a user", "Admins only. The person can sign in again.")
            .Problems(403, 404);
        return app;
    }

    private static async Task<Ok<Page<UserDto>>> ListUsers(
        IMediator mediator, CancellationToken ct, Guid? teamId = null, bool? isActive = null, string? q = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(new ListUsersQuery(teamId, isActive, limit, cursor, q), ct));

    private static async Task<Created<UserDto>> CreateUser(CreateUserCommand request, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var user = await mediator.Send(request, ct);
        response.SetETag(user.Version);
        return TypedResults.Created($"/api/v1/users/{user.Id}", user);
    }

    private static async Task<Ok<UserDto>> GetUser(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new GetUserQuery(id), ct));

    private static async Task<Ok<UserDto>> UpdateUser(
        Guid id, UpdateUserRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.Response.OkWithETag(await mediator.Send(
            new UpdateUserCommand(id, http.Request.IfMatchVersion(), request.DisplayName, request.Role, request.TeamId, request.StartedOn), ct));

    private static async Task<Ok<UserDto>> Deactivate(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new SetUserActiveCommand(id, IsActive: false), ct));

    private static async Task<Ok<UserDto>> Reactivate(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new SetUserActiveCommand(id, IsActive: true), ct));
}

/// <summary>The body of <c>PUT /users/{id}</c>: the id travels in the route, the version in <c>If-Match</c>.</summary>
public sealed record UpdateUserRequest(string DisplayName, Role Role, Guid? TeamId = null, DateOnly? StartedOn = null);
