using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.People;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.Auth.CreateToken;

/// <summary>Email and password sign-in, throttled per email so passwords cannot be guessed by brute force.</summary>
public sealed class PasswordSignIn(
    IUserStore users,
    IPasswordHasher passwordHasher,
    ISignInThrottle throttle,
    SessionIssuer sessions,
    TimeProvider clock)
{
    // Verifying against a real hash when the email is unknown keeps response times equal,
    // so timing does not reveal which emails have accounts.
    private readonly Lazy<string> _decoyHash = new(() => passwordHasher.Hash(Guid.NewGuid().ToString()));

    public async ValueTask<TokenResponse> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var key = UserRules.NormaliseEmail(email);
        var now = clock.GetUtcNow();
        if (await throttle.RetryAfterAsync(key, now, cancellationToken) is { } retryAfter)
        {
            throw new TooManyAttemptsException(retryAfter);
        }

        var user = await users.FindByEmailAsync(key, cancellationToken);
        var passwordMatches = passwordHasher.Verify(user?.PasswordHash ?? _decoyHash.Value, password);
        if (user is null || !passwordMatches || !user.IsActive)
        {
            await throttle.RecordFailureAsync(key, now, cancellationToken);
            throw new InvalidCredentialsException("The email or password is incorrect, or the account is deactivated.");
        }

        await throttle.ResetAsync(key, cancellationToken);
        return await sessions.IssueAsync(user, Ids.New(), cancellationToken);
    }
}
