using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.People;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.Commission;

/// <summary>
/// Pay is private: a person's assignments and statements are read by themself, admins, and — for a rep — the manager of
/// their current team; nobody else (404, integrations are refused by policy; a manager never reads a fellow manager's pay).
/// Plans are given by admins to anyone and by managers to the reps of their team, never to themselves, and not from a
/// month that has already started: only an admin may back-date an assignment (a correction), since it changes
/// statements of past periods.
/// </summary>
public sealed class CommissionAccess(ICurrentUser caller, IAccessCache access)
{
    public async Task<UserAccess> RepToReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rep = await access.GetUserAsync(userId, cancellationToken);
        var visible = rep is not null && (rep.UserId == caller.Id || caller.Role == Role.Admin || IsTheirManager(rep));
        return visible ? rep! : throw new NotFoundException("user");
    }

    public async Task<UserAccess> RepToAssignAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rep = await access.GetUserAsync(userId, cancellationToken);
        return rep is { IsActive: true } && (caller.Role == Role.Admin || IsTheirManager(rep))
            ? rep
            : throw RequestValidationException.For("userId", "No active rep with this id is in the team you manage.");
    }

    /// <summary>Managers assign from the current month on; admins may back-date.</summary>
    public void EnsureMayStartOn(DateOnly effectiveFrom, DateOnly today)
    {
        if (caller.Role != Role.Admin && effectiveFrom < new DateOnly(today.Year, today.Month, 1))
        {
            throw RequestValidationException.For("effectiveFrom", "effectiveFrom must be this month or later: only an admin may back-date a plan, since it changes past statements.");
        }
    }

    private bool IsTheirManager(UserAccess rep) =>
        caller.Role == Role.Manager && rep.Role == Role.Rep && rep.TeamId is not null && rep.TeamId == caller.TeamId;
}
