using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Me.ChangePassword;
using SalesCrm.Application.Me.GetMe;

namespace SalesCrm.Api.Me;

public static class MeEndpoints
{
    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Me").RequireAuthorization(Policies.Person);
        group.MapGet("/", GetMe).WithName("getMe")
            .Doc("Who am I", "The signed-in person: id, email, name, role and team. Integration clients get 403.")
            .Problems(403);
        group.MapPost("/password", ChangePassword).WithName("changePassword")
            .Doc("Change my password", "Checks the current password, sets the new one (12–128 characters) and signs out every session of this person.")
            .BadInput().Problems(403);
        return app;
    }

    private static async Task<Ok<MeResponse>> GetMe(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetMeQuery(), ct));

    private static async Task<NoContent> ChangePassword(ChangePasswordCommand request, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(request, ct);
        return TypedResults.NoContent();
    }
}
