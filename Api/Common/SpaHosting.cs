using Microsoft.Extensions.FileProviders;

namespace SalesCrm.Api.Common;

/// <summary>
/// Serves the built SPA (by default the output's <c>wwwroot</c>, filled by the build from <c>client/dist</c>;
/// <c>Spa:RootPath</c> overrides it) at <c>/</c>. Any other path that is not the API, health, Swagger or OpenAPI
/// falls back to <c>index.html</c> so client-side routes survive a reload.
/// </summary>
public static class SpaHosting
{
    private static readonly string[] ServerPrefixes = ["/api", "/health", "/swagger", "/openapi"];

    public static WebApplication UseSpaFiles(this WebApplication app)
    {
        var root = app.Configuration["Spa:RootPath"] ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        Directory.CreateDirectory(root);
        var files = new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) };
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files.FileProvider });
        app.UseStaticFiles(files);
        ((IApplicationBuilder)app).Properties[nameof(SpaHosting)] = files;
        return app;
    }

    public static WebApplication MapSpa(this WebApplication app)
    {
        var files = (StaticFileOptions)((IApplicationBuilder)app).Properties[nameof(SpaHosting)]!;
        app.MapFallbackToFile("{*path:nonfile}", "index.html", files)
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
