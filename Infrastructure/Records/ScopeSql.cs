using SalesCrm.Application.Common.Records;

namespace SalesCrm.Infrastructure.Records;

/// <summary>
/// The one SQL filter every scoped list uses: all rows, the caller's own, or their team's.
/// Bind <see cref="Parameters"/>' values as <c>@ScopeAll</c>, <c>@ScopeUserId</c>, <c>@ScopeTeamId</c>.
/// </summary>
public static class ScopeSql
{
    public static string OwnerFilter(string ownerColumn) =>
        $"(@ScopeAll = 1 OR {ownerColumn} = @ScopeUserId OR (@ScopeTeamId IS NOT NULL AND {ownerColumn} IN (SELECT su.id FROM users su WHERE su.team_id = @ScopeTeamId)))";

    public static object Parameters(OwnerScope scope) => new
    {
        ScopeAll = scope.All ? 1 : 0,
        ScopeUserId = scope.UserId,
        ScopeTeamId = scope.TeamId,
    };
}
