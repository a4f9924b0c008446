using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Infrastructure.Activities;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Benchmarks;

/// <summary>
/// The comparison point: a bare endpoint that authenticates the same bearer token, then inserts the same activity row
/// with one Dapper statement on its own pooled connection (autocommit) per request — no mediator, no validation, no
/// group commit. It exists only inside the benchmark host, registered as a startup filter ahead of the API's pipeline.
/// </summary>
public static class BaselineEndpoint
{
    public const string Path = "/benchmark/baseline/calls";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task HandleAsync(HttpContext context)
    {
        var auth = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!auth.Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var call = await JsonSerializer.DeserializeAsync<BaselineCall>(context.Request.Body, Json, context.RequestAborted)
            ?? throw new BadHttpRequestException("No body.");
        var ownerId = Guid.Parse(auth.Principal!.FindFirstValue("sub")!);
        var teamId = Guid.TryParse(auth.Principal.FindFirstValue("team"), out var team) ? team : (Guid?)null;
        var now = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7();
        var connections = context.RequestServices.GetRequiredService<IDbConnectionFactory>();
        await using (var connection = await connections.OpenAsync(context.RequestAborted))
        {
            await connection.ExecuteAsync(ActivityWriter.Insert.For(connections.Dialect), new
            {
                Id = id,
                Type = "call",
                OwnerId = ownerId,
                TeamId = teamId,
                OccurredAt = now,
                LeadId = (Guid?)null,
                ContactId = (Guid?)null,
                call.AccountId,
                OpportunityId = (Guid?)null,
                call.Direction,
                call.Outcome,
                call.DurationSeconds,
                Subject = (string?)null,
                Body = call.Notes,
                RepliedAt = (DateTimeOffset?)null,
                CreatedAt = now,
                CreatedBy = ownerId,
                ExternalSource = (string?)null,
                ExternalId = (string?)null,
            });
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsJsonAsync(new { id }, context.RequestAborted);
    }

    private sealed record BaselineCall(string Direction, string Outcome, int DurationSeconds, string? Notes, Guid AccountId);

    public sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path == Path)
                {
                    await HandleAsync(context);
                    return;
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
