using SalesCrm.Domain.People;

namespace SalesCrm.Api.Common;

/// <summary>Who may call an endpoint at all; which records they then see is decided by the use case (out of scope = 404).</summary>
public static class Policies
{
    public const string Person = nameof(Person);
    public const string Admin = nameof(Admin);
    public const string AdminOrManager = nameof(AdminOrManager);
    public const string DirectoryReader = nameof(DirectoryReader);

    /// <summary>People (any role) and integrations granted <c>activities:write</c>: activities, follow-ups, the batch.</summary>
    public const string ActivityWriter = nameof(ActivityWriter);

    /// <summary>People (any role) and integrations granted <c>opportunities:write</c>: opportunities, stage moves, leads, accounts, contacts.</summary>
    public const string OpportunityWriter = nameof(OpportunityWriter);

    /// <summary>People (any role) and integrations granted <c>directory:read</c> or <c>opportunities:write</c>: reading accounts, contacts, pipelines.</summary>
    public const string SalesDirectoryReader = nameof(SalesDirectoryReader);

    /// <summary>People (any role) and integrations granted <c>metrics:read</c>: metrics and quotas.</summary>
    public const string MetricsReader = nameof(MetricsReader);

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser().Build();
        options.AddPolicy(Person, p => p.RequireAuthenticatedUser().RequireClaim(AuthClaims.Role));
        options.AddPolicy(Admin, p => p.RequireClaim(AuthClaims.Role, RoleNames.Admin));
        options.AddPolicy(AdminOrManager, p => p.RequireClaim(AuthClaims.Role, RoleNames.Admin, RoleNames.Manager));
        options.AddPolicy(DirectoryReader, p => p.RequireAssertion(c =>
            c.User.HasClaim(x => x.Type == AuthClaims.Role && x.Value is RoleNames.Admin or RoleNames.Manager)
            || HasScope(c.User, IntegrationScopes.DirectoryRead)));
        options.AddPolicy(ActivityWriter, p => p.RequireAssertion(c =>
            IsPerson(c.User) || HasScope(c.User, IntegrationScopes.ActivitiesWrite)));
        options.AddPolicy(OpportunityWriter, p => p.RequireAssertion(c =>
            IsPerson(c.User) || HasScope(c.User, IntegrationScopes.OpportunitiesWrite)));
        options.AddPolicy(SalesDirectoryReader, p => p.RequireAssertion(c =>
            IsPerson(c.User) || HasScope(c.User, IntegrationScopes.DirectoryRead) || HasScope(c.User, IntegrationScopes.OpportunitiesWrite)));
        options.AddPolicy(MetricsReader, p => p.RequireAssertion(c =>
            IsPerson(c.User) || HasScope(c.User, IntegrationScopes.MetricsRead)));
    }

    private static bool IsPerson(System.Security.Claims.ClaimsPrincipal user) => user.HasClaim(c => c.Type == AuthClaims.Role);

    private static bool HasScope(System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.FindFirst(AuthClaims.Scope)?.Value.Split(' ').Contains(scope) == true;
}
