using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.People;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.Quotas;

/// <summary>
/// Quotas are read like owned records (a rep their own, a manager their team's, admins and <c>metrics:read</c>
/// integrations all) and set only by admins and by the manager of the rep's team.
/// </summary>
public sealed class QuotaAccess(ICurrentUser caller, IAccessCache access, IQuotaStore quotas)
{
    public async Task<UserAccess> RepToManageAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rep = await access.GetUserAsync(userId, cancellationToken);
        if (rep is not { IsActive: true } || !CanManage(rep))
        {
            throw RequestValidationException.For("userId", "No active user with this id is in the team you manage.");
        }

        return rep;
    }

    public async Task<QuotaDto> QuotaToReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var quota = await quotas.FindAsync(id, cancellationToken);
        var rep = quota is null ? null : await access.GetUserAsync(quota.UserId, cancellationToken);
        return quota is not null && rep is not null && OwnerScope.For(caller).Covers(rep.UserId, rep.TeamId)
            ? quota
            : throw new NotFoundException("quota");
    }

    public async Task<QuotaDto> QuotaToManageAsync(Guid id, CancellationToken cancellationToken)
    {
        var quota = await QuotaToReadAsync(id, cancellationToken);
        var rep = await access.GetUserAsync(quota.UserId, cancellationToken);
        return CanManage(rep!) ? quota : throw new ForbiddenException("Only an admin or the rep's manager sets quotas.");
    }

    private bool CanManage(UserAccess rep) =>
        caller.Role == Role.Admin || (caller.Role == Role.Manager && rep.TeamId is not null && rep.TeamId == caller.TeamId);
}
