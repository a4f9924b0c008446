using System.Security.Claims;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Domain.People;

namespace SalesCrm.Api.Common;

/// <summary>The caller, read from the validated principal (role and team were added from the database at validation).</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public Guid Id => Guid.TryParse(Principal.FindFirstValue(AuthClaims.Subject), out var id) ? id : Guid.Empty;

    public bool IsIntegrationClient => Principal.HasClaim(c => c.Type == AuthClaims.ClientId);

    public Role? Role => Principal.FindFirstValue(AuthClaims.Role) is { } role ? RoleNames.Parse(role) : null;

    public Guid? TeamId => Guid.TryParse(Principal.FindFirstValue(AuthClaims.Team), out var team) ? team : null;

    public IReadOnlyCollection<string> Scopes =>
        Principal.FindFirstValue(AuthClaims.Scope)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
