namespace SalesCrm.Application.Auth;

/// <summary>Hashes people's passwords (slow, salted) — implemented with ASP.NET Core Identity's hasher.</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    bool Verify(string hash, string password);
}

/// <summary>Makes and hashes machine secrets (refresh tokens, client secrets): 256 random bits, stored as SHA-256.</summary>
public interface ISecretGenerator
{
    string NewSecret();

    string Hash(string secret);
}
