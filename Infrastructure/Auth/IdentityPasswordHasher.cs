using Microsoft.AspNetCore.Identity;
using IPasswordHasher = SalesCrm.Application.Auth.IPasswordHasher;

namespace SalesCrm.Infrastructure.Auth;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher (salted, versioned format) behind the application's port.</summary>
public sealed class IdentityPasswordHasher : IPasswordHasher
{
    private static readonly object User = new();
    private readonly PasswordHasher<object> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(User, password);

    public bool Verify(string hash, string password) =>
        _hasher.VerifyHashedPassword(User, hash, password) != PasswordVerificationResult.Failed;
}
