using SalesCrm.Application.Auth;
using SalesCrm.Infrastructure.Auth;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Auth;

/// <summary>The default policy: 5 failures within 15 minutes lock the key for 5 minutes.</summary>
public abstract class SignInThrottleTests : DatabaseTests
{
    private static readonly SignInPolicy Policy = new();

    private readonly SignInThrottle _throttle;

    protected SignInThrottleTests(TestDatabase database)
        : base(database) => _throttle = new SignInThrottle(Connections, Policy);

    [Fact]
    public async Task Five_failures_lock_the_key_for_the_lockout()
    {
        const string key = "locked@example.com";
        await FailAsync(key, minutes: [0, 1, 2, 3]);

        Assert.Null(await _throttle.RetryAfterAsync(key, Now.AddMinutes(4), Cancellation));
        await FailAsync(key, minutes: [4]);

        Assert.Equal(TimeSpan.FromMinutes(5), await _throttle.RetryAfterAsync(key, Now.AddMinutes(4), Cancellation));
        Assert.Equal(TimeSpan.FromMinutes(2), await _throttle.RetryAfterAsync(key, Now.AddMinutes(7), Cancellation));
        Assert.Null(await _throttle.RetryAfterAsync(key, Now.AddMinutes(9), Cancellation));
        Assert.Null(await _throttle.RetryAfterAsync("someone-else@example.com", Now.AddMinutes(4), Cancellation));
    }

    [Fact]
    public async Task A_reset_lifts_the_lock()
    {
        const string key = "reset@example.com";
        await FailAsync(key, minutes: [0, 0, 0, 0, 0]);

        await _throttle.ResetAsync(key, Cancellation);

        Assert.Null(await _throttle.RetryAfterAsync(key, Now, Cancellation));
    }

    [Fact]
    public async Task Failures_outside_the_window_start_the_count_again()
    {
        const string key = "window@example.com";
        await FailAsync(key, minutes: [0, 1, 2, 3]);

        // The window opened at minute 0 closed at minute 15: the failure at 16 is the first of a new window.
        await FailAsync(key, minutes: [16, 17, 18, 19]);
        Assert.Null(await _throttle.RetryAfterAsync(key, Now.AddMinutes(19), Cancellation));

        await FailAsync(key, minutes: [20]);
        Assert.Equal(TimeSpan.FromMinutes(5), await _throttle.RetryAfterAsync(key, Now.AddMinutes(20), Cancellation));
    }

    private async Task FailAsync(string key, int[] minutes)
    {
        foreach (var minute in minutes)
        {
            await _throttle.RecordFailureAsync(key, Now.AddMinutes(minute), Cancellation);
        }
    }
}

public sealed class SqliteSignInThrottleTests(SqliteDatabase database) : SignInThrottleTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerSignInThrottleTests(SqlServerDatabase database) : SignInThrottleTests(database), IClassFixture<SqlServerDatabase>;
