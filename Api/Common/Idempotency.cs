using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Idempotency;

namespace SalesCrm.Api.Common;

/// <summary>Marks a create endpoint as honouring <c>Idempotency-Key</c> (the OpenAPI document then declares the header).</summary>
public sealed class IdempotentCreateMetadata;

/// <summary>
/// Makes creates safe to retry. With an <c>Idempotency-Key</c> header, the first request's response is stored
/// (per caller, 24 h); a retry with the same key and the same body gets that response again with
/// <c>Idempotent-Replayed: true</c> and creates nothing; the same key with another body is refused with 422.
/// A retry that arrives while the first is still running waits for it (up to 10 s), then replays it.
/// </summary>
public sealed class IdempotencyFilter(
    IIdempotencyStore store,
    ICurrentUser caller,
    TimeProvider clock,
    IOptions<JsonOptions> json) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(10);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return await next(context);
        }

        if (key.Length > IdempotencyPolicy.MaxKeyLength)
        {
            throw RequestValidationException.For(Header, $"An Idempotency-Key has at most {IdempotencyPolicy.MaxKeyLength} characters.");
        }

        var hash = await RequestHashAsync(http.Request);
        var claim = await ClaimAsync(key, hash, http.RequestAborted);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Mismatch:
                throw new IdempotencyKeyReusedException();
            case IdempotencyOutcome.Replay:
                return new ReplayedResult(claim.Response!);
            case IdempotencyOutcome.InProgress:
                throw new ConflictException("A request with this Idempotency-Key is still being processed; retry shortly.");
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await store.ReleaseAsync(caller.Id, key, CancellationToken.None);
            throw;
        }

        await store.CompleteAsync(caller.Id, key, Capture(result), CancellationToken.None);
        return result;
    }

    private async Task<IdempotencyClaim> ClaimAsync(string key, string hash, CancellationToken cancellationToken)
    {
        var waitUntil = clock.GetUtcNow() + WaitForFirst;
        while (true)
        {
            var claim = await store.ClaimAsync(caller.Id, key, hash, clock.GetUtcNow(), cancellationToken);
            if (claim.Outcome != IdempotencyOutcome.InProgress || clock.GetUtcNow() >= waitUntil)
            {
                return claim;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>The request is the same when its method, path, query and body bytes are.</summary>
    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var buffer = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private StoredResponse Capture(object? result)
    {
        // Results<Created<T>, Ok<T>> (creates that may find an existing record) wrap the result that was chosen.
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        var value = (result as IValueHttpResult)?.Value;
        var body = value is null ? "" : JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions);
        var location = result?.GetType().GetProperty("Location", BindingFlags.Public | BindingFlags.Instance)?.GetValue(result) as string;
        return new StoredResponse(status, body, location);
    }

    private sealed class ReplayedResult(StoredResponse response) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = response.StatusCode;
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (response.Location is not null)
            {
                httpContext.Response.Headers.Location = response.Location;
            }

            if (response.Body.Length > 0)
            {
                httpContext.Response.ContentType = "application/json; charset=utf-8";
                await httpContext.Response.WriteAsync(response.Body);
            }
        }
    }
}

public static class IdempotencyEndpoints
{
    /// <summary>Honour <c>Idempotency-Key</c> on this create endpoint.</summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotencyFilter>()
            .WithMetadata(new IdempotentCreateMetadata())
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>Buffers bodies of requests that carry an Idempotency-Key so the filter can hash what was sent.</summary>
    public static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Headers.ContainsKey(IdempotencyFilter.Header))
            {
                context.Request.EnableBuffering();
            }

            return next(context);
        });
}
