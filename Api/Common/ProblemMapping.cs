using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Api.Common;

/// <summary>Turns each exception the API can meet into its problem details; anything unknown is a 500 that says nothing more.</summary>
public static class ProblemMapping
{
    public static ProblemDetails ToProblem(Exception exception, HttpContext context) => exception switch
    {
        RequestValidationException e => Validation(e.Errors, e.Message),
        BadHttpRequestException { InnerException: JsonException json } => Validation(
            JsonErrors.FieldErrors(json), "The request body is not valid JSON for this operation."),
        BadHttpRequestException e when ParameterName(e.Message) is { } parameter => Validation(
            new Dictionary<string, string[]> { [parameter] = ["The value is not valid for this parameter."] },
            $"The value of {parameter} is not valid."),
        BadHttpRequestException e => Problem(e.StatusCode, BadRequestTitle(e.StatusCode), BadRequestDetail(e)),
        NotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found", e.Message),
        ConflictException { Field: { } field } e => Validation(
            new Dictionary<string, string[]> { [field] = [e.Message] }, e.Message, StatusCodes.Status409Conflict, ProblemTypes.Conflict),
        ConflictException e => Problem(StatusCodes.Status409Conflict, "Conflict", e.Message),
        PreconditionFailedException e => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", e.Message),
        PreconditionRequiredException e => Problem(StatusCodes.Status428PreconditionRequired, "Precondition required", e.Message),
        InvalidCredentialsException e => Problem(StatusCodes.Status401Unauthorized, "Invalid credentials", e.Message, ProblemTypes.InvalidCredentials),
        TooManyAttemptsException e => TooMany(e, context),
        IdempotencyKeyReusedException e => Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency key reused", e.Message, ProblemTypes.IdempotencyKeyReused),
        ForbiddenException e => Problem(StatusCodes.Status403Forbidden, "Forbidden", e.Message),
        _ => Problem(StatusCodes.Status500InternalServerError, "Internal error",
            "The server could not complete the request. Quote the traceId when reporting it."),
    };

    private static ProblemDetails TooMany(TooManyAttemptsException e, HttpContext context)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(e.RetryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = Problem(StatusCodes.Status429TooManyRequests, "Too many requests", e.Message);
        problem.Extensions["retryAfterSeconds"] = seconds;
        return problem;
    }

    private static ProblemDetails Validation(
        IReadOnlyDictionary<string, string[]> errors,
        string detail,
        int status = StatusCodes.Status400BadRequest,
        string type = ProblemTypes.Validation)
    {
        var problem = Problem(status, status == 400 ? "Invalid request" : "Conflict", detail, type);
        problem.Extensions["errors"] = errors;
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string detail, string? type = null) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = type ?? ProblemTypes.ForStatus(status),
    };

    private static string BadRequestTitle(int status) => status switch
    {
        413 => "Payload too large",
        415 => "Unsupported media type",
        _ => "Malformed request",
    };

    private static string BadRequestDetail(BadHttpRequestException e) => e.StatusCode switch
    {
        413 => "The request body is larger than this API accepts.",
        415 => "Send the body as application/json.",
        _ when e.Message.StartsWith("Required parameter", StringComparison.Ordinal) => "The request body is missing.",
        _ => "The request could not be read.",
    };

    /// <summary>The query or route parameter a binding failure names (<c>Failed to bind parameter "int? limit" from "x"</c>).</summary>
    private static string? ParameterName(string message)
    {
        const string Prefix = "Failed to bind parameter \"";
        if (!message.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = message.IndexOf('"', Prefix.Length);
        return end < 0 ? null : message[Prefix.Length..end].Split(' ').Last();
    }
}
