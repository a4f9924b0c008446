namespace SalesCrm.Infrastructure.Auth;

/// <summary>How SalesCrm issues and checks its own tokens, and optionally which external OpenID Connect issuer it also trusts.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "salescrm";

    public string Audience { get; set; } = "salescrm-api";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An RSA private key in PEM; when absent one is generated into the data directory on first start.</summary>
    public string? SigningKeyPem { get; set; }

    public ExternalAuthorityOptions External { get; set; } = new();
}

/// <summary>An external OpenID Connect issuer whose tokens are accepted for people already known by email.</summary>
public sealed class ExternalAuthorityOptions
{
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    public string EmailClaim { get; set; } = "email";

    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
