using SalesCrm.Domain.People;

namespace SalesCrm.Api.Common;

/// <summary>Who may call an endpoint at all; which records they then see is decided by the use case (out of scope = 404).</summary>
public static class Policies
{
    public const string Person = nameof(Person);
    public const string Admin = nameof(Admin);
    public const string AdminOrManager = nameof(AdminOrManager);
    public const string DirectoryReader = nameof(DirectoryReader);

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser().Build();
        options.AddPolicy(Person, p => p.RequireAuthenticatedUser().RequireClaim(AuthClaims.Role));
        options.AddPolicy(Admin, p => p.RequireClaim(AuthClaims.Role, RoleNames.Admin));
        options.AddPolicy(AdminOrManager, p => p.RequireClaim(AuthClaims.Role, RoleNames.Admin, RoleNames.Manager));
        options.AddPolicy(DirectoryReader, p => p.RequireAssertion(c =>
            c.User.HasClaim(x => x.Type == AuthClaims.Role && x.Value is RoleNames.Admin or RoleNames.Manager)
            || c.User.FindFirst(AuthClaims.Scope)?.Value.Split(' ').Contains(IntegrationScopes.DirectoryRead) == true));
    }
}
