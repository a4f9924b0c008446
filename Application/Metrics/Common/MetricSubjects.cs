using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.People;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.Metrics.Common;

/// <summary>
/// Turns the <c>teamId</c>/<c>userId</c> a metric was asked for into a subject the caller may read:
/// a rep reads themself and their own team's aggregates; a manager their team and its reps; an admin and a
/// <c>metrics:read</c> integration anything. An unknown or out-of-scope team or rep answers 404.
/// With neither given, a rep gets themself, a manager their team, an admin or integration the organisation.
/// </summary>
public sealed class MetricSubjects(ICurrentUser caller, IAccessCache access, ITeamStore teams)
{
    public async Task<MetricSubject> ResolveAsync(Guid? teamId, Guid? userId, CancellationToken cancellationToken)
    {
        if (userId is { } repId)
        {
            var rep = await access.GetUserAsync(repId, cancellationToken);
            var visible = rep is not null && (Everything || repId == caller.Id
                || (caller.Role == Role.Manager && rep.TeamId is not null && rep.TeamId == caller.TeamId));
            return visible && (teamId is null || teamId == rep!.TeamId)
                ? new MetricSubject(null, repId)
                : throw new NotFoundException("user");
        }

        if (teamId is { } team)
        {
            var exists = await teams.FindAsync(team, cancellationToken) is not null;
            return exists && (Everything || team == caller.TeamId)
                ? new MetricSubject(team, null)
                : throw new NotFoundException("team");
        }

        return Everything ? MetricSubject.Organisation
            : caller.Role == Role.Manager && caller.TeamId is { } own ? new MetricSubject(own, null)
            : new MetricSubject(null, caller.Id);
    }

    private bool Everything => caller.IsIntegrationClient || caller.Role == Role.Admin;
}
