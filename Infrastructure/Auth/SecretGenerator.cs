using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using SalesCrm.Application.Auth;

namespace SalesCrm.Infrastructure.Auth;

/// <summary>256-bit random secrets; with that much entropy a plain SHA-256 is a safe stored form (no salt or stretching needed).</summary>
public sealed class SecretGenerator : ISecretGenerator
{
    public string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
