namespace SalesCrm.Application.Auth;

/// <summary>
/// Counts failed sign-ins per email (known or not) and locks further attempts for a while,
/// so a password cannot be guessed by brute force. Kept in the database so it survives restarts.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>How long the caller must still wait, or null when attempts are allowed.</summary>
    Task<TimeSpan?> RetryAfterAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);

    Task RecordFailureAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);

    Task ResetAsync(string key, CancellationToken cancellationToken);
}

/// <summary>How many failures lock an email, and for how long.</summary>
public sealed record SignInPolicy
{
    public int MaxFailures { get; init; } = 5;

    public TimeSpan FailureWindow { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan Lockout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(14);
}
