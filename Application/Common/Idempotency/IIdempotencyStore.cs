namespace SalesCrm.Application.Common.Idempotency;

/// <summary>
/// Remembers creates sent with an <c>Idempotency-Key</c>, per caller, for at least 24 hours: a retry with the
/// same key and body gets the first response back; the same key with another body is refused.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Claims the key for this request, or says what happened to it before.</summary>
    Task<IdempotencyClaim> ClaimAsync(Guid callerId, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task CompleteAsync(Guid callerId, string key, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Gives the key up after the request failed, so a corrected retry may run.</summary>
    Task ReleaseAsync(Guid callerId, string key, CancellationToken cancellationToken);
}

public enum IdempotencyOutcome
{
    /// <summary>First use: run the request, then complete or release the key.</summary>
    Claimed,

    /// <summary>Same key, same body, finished before: replay <see cref="IdempotencyClaim.Response"/>.</summary>
    Replay,

    /// <summary>Same key, same body, still running elsewhere.</summary>
    InProgress,

    /// <summary>Same key, different body: refused.</summary>
    Mismatch,
}

public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, StoredResponse? Response = null);

public sealed record StoredResponse(int StatusCode, string Body, string? Location);

public static class IdempotencyPolicy
{
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(24);

    public const int MaxKeyLength = 200;
}
