using SalesCrm.Application.Common.Idempotency;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Idempotency;

public sealed class IdempotencyStore(IDbConnectionFactory connections) : SqlStore(connections), IIdempotencyStore
{
    public static readonly Sql Find = new("""
        SELECT request_hash AS RequestHash, status_code AS StatusCode, response_body AS ResponseBody,
               response_location AS ResponseLocation, expires_at AS ExpiresAt
        FROM idempotency_keys WHERE caller_id = @CallerId AND idempotency_key = @Key
        """);

    public static readonly Sql Insert = new("""
        INSERT INTO idempotency_keys (caller_id, idempotency_key, request_hash, created_at, expires_at)
        VALUES (@CallerId, @Key, @RequestHash, @Now, @ExpiresAt)
        """);

    public static readonly Sql DeleteExpired = new(
        "DELETE FROM idempotency_keys WHERE caller_id = @CallerId AND idempotency_key = @Key AND expires_at <= @Now");

    public static readonly Sql Complete = new("""
        UPDATE idempotency_keys SET status_code = @StatusCode, response_body = @Body, response_location = @Location
        WHERE caller_id = @CallerId AND idempotency_key = @Key
        """);

    public static readonly Sql Release = new(
        "DELETE FROM idempotency_keys WHERE caller_id = @CallerId AND idempotency_key = @Key AND status_code IS NULL");

    public Task<IdempotencyClaim> ClaimAsync(
        Guid callerId, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            await write.ExecuteAsync(DeleteExpired, new { CallerId = callerId, Key = key, Now = now });
            var existing = await write.QuerySingleOrDefaultAsync<KeyRow>(Find, new { CallerId = callerId, Key = key });
            if (existing is null)
            {
                await write.ExecuteAsync(Insert, new
                {
                    CallerId = callerId,
                    Key = key,
                    RequestHash = requestHash,
                    Now = now,
                    ExpiresAt = now + IdempotencyPolicy.KeyLifetime,
                });
                return new IdempotencyClaim(IdempotencyOutcome.Claimed);
            }

            if (existing.RequestHash != requestHash)
            {
                return new IdempotencyClaim(IdempotencyOutcome.Mismatch);
            }

            return existing.StatusCode is { } status
                ? new IdempotencyClaim(IdempotencyOutcome.Replay, new StoredResponse(status, existing.ResponseBody ?? "", existing.ResponseLocation))
                : new IdempotencyClaim(IdempotencyOutcome.InProgress);
        }, cancellationToken);

    public Task CompleteAsync(Guid callerId, string key, StoredResponse response, CancellationToken cancellationToken) =>
        ExecuteAsync(Complete, new
        {
            CallerId = callerId,
            Key = key,
            response.StatusCode,
            response.Body,
            response.Location,
        }, cancellationToken);

    public Task ReleaseAsync(Guid callerId, string key, CancellationToken cancellationToken) =>
        ExecuteAsync(Release, new { CallerId = callerId, Key = key }, cancellationToken);

    private sealed class KeyRow
    {
        public string RequestHash { get; init; } = "";

        public int? StatusCode { get; init; }

        public string? ResponseBody { get; init; }

        public string? ResponseLocation { get; init; }

        public DateTimeOffset ExpiresAt { get; init; }
    }
}
