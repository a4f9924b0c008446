namespace SalesCrm.Api.Common;

/// <summary>
/// Serves the built SPA from the output's <c>wwwroot</c> at <c>/</c>; any other path that is not the API, health,
/// Swagger or OpenAPI falls back to <c>index.html</c> so client-side routes survive a reload.
/// </summary>
public static class SpaHosting
{
    private static readonly string[] ServerPrefixes = ["/api", "/health", "/swagger", "/openapi"];

    public static IEndpointRouteBuilder MapSpa(this IEndpointRouteBuilder app)
    {
        app.MapFallbackToFile("{*path:nonfile}", "index.html")
            .AddEndpointFilter(async (context, next) =>
                ServerPrefixes.Any(p => context.HttpContext.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                    ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound,
                        title: "Not found", detail: "No operation has this path.")
                    : await next(context))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
