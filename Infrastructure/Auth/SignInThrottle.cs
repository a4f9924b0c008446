using SalesCrm.Application.Auth;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Auth;

/// <summary>
/// Failed sign-ins per email within a window; at the limit the email is locked for <see cref="SignInPolicy.Lockout"/>.
/// The read-modify-write runs in one write transaction (SQLite: BEGIN IMMEDIATE; SQL Server: UPDLOCK, HOLDLOCK)
/// so concurrent failures are all counted.
/// </summary>
public sealed class SignInThrottle(IDbConnectionFactory connections, SignInPolicy policy)
    : SqlStore(connections), ISignInThrottle
{
    public static readonly Sql Find = new("""
        SELECT failed_count AS FailedCount, window_started_at AS WindowStartedAt, locked_until AS LockedUntil
        FROM sign_in_failures WHERE throttle_key = @Key
        """);

    /// <summary>The same read, holding the row (or the gap where it will go) until commit on SQL Server.</summary>
    public static readonly Sql FindForUpdate = new(
        """
        SELECT failed_count AS FailedCount, window_started_at AS WindowStartedAt, locked_until AS LockedUntil
        FROM sign_in_failures WHERE throttle_key = @Key
        """,
        """
        SELECT failed_count AS FailedCount, window_started_at AS WindowStartedAt, locked_until AS LockedUntil
        FROM sign_in_failures WITH (UPDLOCK, HOLDLOCK) WHERE throttle_key = @Key
        """);

    public static readonly Sql Insert = new("""
        INSERT INTO sign_in_failures (throttle_key, failed_count, window_started_at, locked_until)
        VALUES (@Key, @FailedCount, @WindowStartedAt, @LockedUntil)
        """);

    public static readonly Sql Update = new("""
        UPDATE sign_in_failures
        SET failed_count = @FailedCount, window_started_at = @WindowStartedAt, locked_until = @LockedUntil
        WHERE throttle_key = @Key
        """);

    public static readonly Sql Delete = new("DELETE FROM sign_in_failures WHERE throttle_key = @Key");

    public async Task<TimeSpan?> RetryAfterAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await QuerySingleOrDefaultAsync<FailureRow>(Find, new { Key = key }, cancellationToken);
        return row?.LockedUntil is { } until && until > now ? until - now : null;
    }

    public Task RecordFailureAsync(string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var existing = await write.QuerySingleOrDefaultAsync<FailureRow>(FindForUpdate, new { Key = key });
            var windowOpen = existing is not null && now - existing.WindowStartedAt < policy.FailureWindow;
            var count = windowOpen ? existing!.FailedCount + 1 : 1;
            var locked = count >= policy.MaxFailures;
            var row = new
            {
                Key = key,
                FailedCount = locked ? 0 : count,
                WindowStartedAt = windowOpen && !locked ? existing!.WindowStartedAt : now,
                LockedUntil = locked ? now + policy.Lockout : existing?.LockedUntil,
            };
            return await write.ExecuteAsync(existing is null ? Insert : Update, row);
        }, cancellationToken);

    public Task ResetAsync(string key, CancellationToken cancellationToken) =>
        ExecuteAsync(Delete, new { Key = key }, cancellationToken);

    private sealed class FailureRow
    {
        public int FailedCount { get; init; }

        public DateTimeOffset WindowStartedAt { get; init; }

        public DateTimeOffset? LockedUntil { get; init; }
    }
}
