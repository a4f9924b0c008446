namespace SalesCrm.Api.Common;

/// <summary>Claim names as they appear in SalesCrm tokens (inbound claim mapping is off).</summary>
public static class AuthClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string ClientId = "client_id";
    public const string Scope = "scope";
    public const string Role = "role";
    public const string Team = "team";
}
