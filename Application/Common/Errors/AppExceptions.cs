namespace SalesCrm.Application.Common.Errors;

/// <summary>
/// The few outcomes a use case reports by throwing; the API maps each to one problem type.
/// Exceptions rather than result types keep handlers linear (see docs/decisions/0003-errors-as-exceptions.md).
/// </summary>
public abstract class AppException(string message) : Exception(message);

/// <summary>The record does not exist, or exists outside the caller's scope: both answer 404.</summary>
public sealed class NotFoundException(string resource) : AppException($"The {resource} was not found.")
{
    public string Resource { get; } = resource;
}

/// <summary>The request is well formed but contradicts the current state (duplicate email, stage in use, …).</summary>
public sealed class ConflictException(string message, string? field = null) : AppException(message)
{
    public string? Field { get; } = field;
}

/// <summary>A version-guarded write whose <c>If-Match</c> no longer matches.</summary>
public sealed class PreconditionFailedException(string message) : AppException(message);

/// <summary>A version-guarded write that came without <c>If-Match</c>.</summary>
public sealed class PreconditionRequiredException(string message) : AppException(message);

/// <summary>Credentials were wrong, expired or revoked.</summary>
public sealed class InvalidCredentialsException(string message) : AppException(message);

/// <summary>Too many failed attempts; the caller must wait.</summary>
public sealed class TooManyAttemptsException(TimeSpan retryAfter)
    : AppException("Too many failed sign-in attempts. Try again later.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The caller is signed in but their role or scopes do not allow the operation at all.</summary>
public sealed class ForbiddenException(string message) : AppException(message);

/// <summary>An <c>Idempotency-Key</c> reused with a different request body.</summary>
public sealed class IdempotencyKeyReusedException()
    : AppException("This Idempotency-Key was already used with a different request; use a new key for a new request.");
