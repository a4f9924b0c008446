using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Auth.CreateToken;
using SalesCrm.Application.Auth.SignOut;

namespace SalesCrm.Api.Auth;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth").AllowAnonymous();
        group.MapPost("/token", CreateToken).WithName("createToken")
            .Doc("Get an access token",
                "Exchanges credentials for a short-lived JWT access token. `grantType` picks the credentials: "
                + "`password` (a person's `email` + `password`; also returns a refresh token), `refresh_token` "
                + "(`refreshToken`; rotates it: each refresh token works once, and presenting a used one revokes "
                + "the whole session) or `client_credentials` (an integration's `clientId` + `clientSecret`; no "
                + "refresh token). After 5 failed sign-ins for an email within 15 minutes, further attempts are "
                + "refused with 429 and `Retry-After` for 5 minutes.")
            .BadInput().Problems(401, 429);
        group.MapPost("/sign-out", SignOut).WithName("signOut")
            .Doc("Sign out", "Revokes the session the refresh token belongs to. Always 204, so it reveals nothing about the token.")
            .BadInput();
        return app;
    }

    private static async Task<Ok<TokenResponse>> CreateToken(CreateTokenCommand request, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await mediator.Send(request, ct));
    }

    private static async Task<NoContent> SignOut(SignOutCommand request, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(request, ct);
        return TypedResults.NoContent();
    }
}
