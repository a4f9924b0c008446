namespace SalesCrm.Api.Common;

/// <summary>The stable <c>type</c> of every problem the API answers with (docs/errors.md lists them).</summary>
public static class ProblemTypes
{
    private const string Prefix = "urn:salescrm:problem:";

    public const string Validation = Prefix + "validation";
    public const string MalformedRequest = Prefix + "malformed-request";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string InvalidCredentials = Prefix + "invalid-credentials";
    public const string Forbidden = Prefix + "forbidden";
    public const string NotFound = Prefix + "not-found";
    public const string MethodNotAllowed = Prefix + "method-not-allowed";
    public const string Conflict = Prefix + "conflict";
    public const string PreconditionFailed = Prefix + "precondition-failed";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string PreconditionRequired = Prefix + "precondition-required";
    public const string IdempotencyKeyReused = Prefix + "idempotency-key-reused";
    public const string UnprocessableEntity = Prefix + "unprocessable-entity";
    public const string TooManyRequests = Prefix + "too-many-requests";
    public const string Internal = Prefix + "internal";

    public static string ForStatus(int status) => status switch
    {
        400 => MalformedRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        412 => PreconditionFailed,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        422 => UnprocessableEntity,
        428 => PreconditionRequired,
        429 => TooManyRequests,
        _ => Internal,
    };
}
