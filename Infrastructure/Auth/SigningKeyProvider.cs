using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace SalesCrm.Infrastructure.Auth;

/// <summary>
/// The RSA key that signs access tokens: from configuration, else from <c>keys/jwt-signing-key.pem</c> in the
/// data directory, generated there (owner-only permissions) on first start. It is never committed.
/// </summary>
public static class SigningKeyProvider
{
    public static RsaSecurityKey Load(AuthOptions options, string dataDirectory, ILogger logger)
    {
        var rsa = RSA.Create();
        if (!string.IsNullOrWhiteSpace(options.SigningKeyPem))
        {
            rsa.ImportFromPem(options.SigningKeyPem);
            return Key(rsa);
        }

        var path = Path.Combine(dataDirectory, "keys", "jwt-signing-key.pem");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            rsa.KeySize = 2048;
            var pem = rsa.ExportRSAPrivateKeyPem();
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(file))
            {
                writer.Write(pem);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            logger.LogInformation("Generated a new token signing key at {Path}", path);
        }

        rsa.ImportFromPem(File.ReadAllText(path));
        return Key(rsa);
    }

    private static RsaSecurityKey Key(RSA rsa)
    {
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Convert.ToHexStringLower(key.ComputeJwkThumbprint())[..16];
        return key;
    }
}
