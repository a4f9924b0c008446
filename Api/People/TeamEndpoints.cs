using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.People;
using SalesCrm.Application.People.CreateTeam;
using SalesCrm.Application.People.GetTeam;
using SalesCrm.Application.People.ListTeams;
using SalesCrm.Application.People.UpdateTeam;

namespace SalesCrm.Api.People;

public static class TeamEndpoints
{
    public static IEndpointRouteBuilder MapTeamEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/teams").WithTags("Teams");
        group.MapGet("/", ListTeams).WithName("listTeams")
            .Doc("List teams", "Every team, oldest first, cursor-paginated. Readable by every signed-in person and by every integration client.")
            .BadInput();
        group.MapPost("/", CreateTeam).WithName("createTeam").RequireAuthorization(Policies.Admin)
            .Doc("Create a team", "Admins only. Team names are unique (case-insensitive), up to 100 characters.")
            .BadInput().Problems(403, 409);
        group.MapGet("/{id:guid}", GetTeam).WithName("getTeam")
            .Doc("Get a team", "One team, with an `ETag` for updates.")
            .Problems(404);
        group.MapPut("/{id:guid}", UpdateTeam).WithName("updateTeam").RequiresIfMatch().RequireAuthorization(Policies.Admin)
            .Doc("Rename a team", "Admins only. Requires `If-Match` with the team's ETag (428 without it, 412 when stale).")
            .BadInput().Problems(403, 404, 409, 412, 428);
        return app;
    }

    private static async Task<Ok<Page<TeamDto>>> ListTeams(IMediator mediator, CancellationToken ct, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(new ListTeamsQuery(limit, cursor), ct));

    private static async Task<Created<TeamDto>> CreateTeam(CreateTeamCommand request, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var team = await mediator.Send(request, ct);
        response.SetETag(team.Version);
        return TypedResults.Created($"/api/v1/teams/{team.Id}", team);
    }

    private static async Task<Ok<TeamDto>> GetTeam(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new GetTeamQuery(id), ct));

    private static async Task<Ok<TeamDto>> UpdateTeam(Guid id, UpdateTeamRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.Response.OkWithETag(await mediator.Send(new UpdateTeamCommand(id, http.Request.IfMatchVersion(), request.Name), ct));
}

/// <summary>The body of <c>PUT /teams/{id}</c>.</summary>
public sealed record UpdateTeamRequest(string Name);
