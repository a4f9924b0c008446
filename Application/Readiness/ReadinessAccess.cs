using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.People;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.Readiness;

/// <summary>
/// A rep's assessments are read by the rep, their manager, admins and <c>metrics:read</c> integrations, and recorded only by
/// admins and the manager of the rep's team. A rep outside the caller's reading scope is 404.
/// </summary>
public sealed class ReadinessAccess(ICurrentUser caller, IAccessCache access)
{
    public async Task<UserAccess> RepToReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rep = await access.GetUserAsync(userId, cancellationToken);
        return rep is not null && OwnerScope.For(caller).Covers(rep.UserId, rep.TeamId) ? rep : throw new NotFoundException("user");
    }

    public async Task<UserAccess> RepToAssessAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rep = await RepToReadAsync(userId, cancellationToken);
        var manages = caller.Role == Role.Admin
            || (caller.Role == Role.Manager && rep.TeamId is not null && rep.TeamId == caller.TeamId && rep.UserId != caller.Id);
        return manages ? rep : throw new ForbiddenException("Only an admin or the rep's manager records assessments.");
    }
}
