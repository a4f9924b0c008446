using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Me.GetMe;

namespace SalesCrm.Api.Tests.Auth;

/// <summary>Every way a bearer token can be wrong answers 401 with a problem body.</summary>
public sealed class TokenValidationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string> BadTokens =>
    [
        "alg-none", "wrong-key", "wrong-audience", "wrong-issuer", "expired", "not-yet-valid", "garbage", "hs256-with-public-key",
    ];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_401(string kind)
    {
        var adminId = await AdminIdAsync();
        using var client = factory.ClientWithToken(await BadTokenAsync(kind, adminId));

        var response = await client.GetAsync("/api/v1/me");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_correctly_signed_token_is_accepted()
    {
        var adminId = await AdminIdAsync();
        using var client = factory.ClientWithToken(Sign(adminId, RealKey()));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task No_token_is_401_with_a_bearer_challenge()
    {
        using var client = factory.Client();

        var response = await client.GetAsync("/api/v1/me");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    private async Task<Guid> AdminIdAsync()
    {
        using var admin = await factory.AdminClientAsync();
        return (await (await admin.GetAsync("/api/v1/me")).ReadAsync<MeResponse>()).Id;
    }

    private async Task<string> BadTokenAsync(string kind, Guid subject)
    {
        await Task.CompletedTask;
        var now = DateTime.UtcNow;
        return kind switch
        {
            "alg-none" => Unsigned(subject),
            "wrong-key" => Sign(subject, new RsaSecurityKey(RSA.Create(2048))),
            "wrong-audience" => Sign(subject, RealKey(), audience: "someone-else"),
            "wrong-issuer" => Sign(subject, RealKey(), issuer: "https://evil.example.com"),
            "expired" => Sign(subject, RealKey(), notBefore: now.AddMinutes(-30), expires: now.AddMinutes(-5)),
            "not-yet-valid" => Sign(subject, RealKey(), notBefore: now.AddMinutes(10), expires: now.AddMinutes(20)),
            "hs256-with-public-key" => SignHmacWithPublicKey(subject),
            _ => "not.a.jwt",
        };
    }

    private RsaSecurityKey RealKey()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Path.Combine(factory.DataDirectory, "keys", "jwt-signing-key.pem")));
        return new RsaSecurityKey(rsa);
    }

    private static string Sign(
        Guid subject, SecurityKey key, string issuer = "salescrm", string audience = "salescrm-api",
        DateTime? notBefore = null, DateTime? expires = null, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore ?? now,
            NotBefore = notBefore ?? now,
            Expires = expires ?? now.AddMinutes(10),
            Subject = new ClaimsIdentity([new Claim("sub", subject.ToString())]),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    private static string Unsigned(Guid subject)
    {
        static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return $"{B64("""{"alg":"none","typ":"JWT"}""")}.{B64($$"""{"sub":"{{subject}}","iss":"salescrm","aud":"salescrm-api","exp":{{exp}}}""")}.";
    }

    /// <summary>The classic key-confusion attack: HMAC-sign with the RSA public key as the secret.</summary>
    private string SignHmacWithPublicKey(Guid subject)
    {
        var publicPem = RealKey().Rsa.ExportSubjectPublicKeyInfoPem();
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(publicPem));
        return Sign(subject, secret, algorithm: SecurityAlgorithms.HmacSha256);
    }
}
