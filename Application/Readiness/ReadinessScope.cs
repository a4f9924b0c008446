using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.Readiness;

/// <summary>
/// Whose readiness a caller reads: the subject as every metric resolves it (404 outside the caller's scope), on a day in the
/// organisation's zone (today unless given). A rep reading their team gets the team's share but only their own row.
/// </summary>
public sealed class ReadinessScope(MetricSubjects subjects, MetricScopes scopes, ICurrentUser caller, TimeProvider clock)
{
    public async Task<(MetricSubject Subject, DateOnly AsOf)> ResolveAsync(Guid? teamId, Guid? userId, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var subject = await subjects.ResolveAsync(teamId, userId, cancellationToken);
        return (subject, asOf ?? MetricWindow.DateOf(clock.GetUtcNow(), await scopes.ZoneAsync(cancellationToken)));
    }

    public bool MayListRep(Guid userId) => caller.Role != Role.Rep || userId == caller.Id;
}
