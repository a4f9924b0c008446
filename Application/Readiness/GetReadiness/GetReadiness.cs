using FluentValidation;
using Mediator;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Readiness.GetReadiness;

/// <summary>Each rep's required certifications held and the share of reps certified, per team and overall, on a day.</summary>
public sealed record GetReadinessQuery(Guid? TeamId = null, Guid? UserId = null, DateOnly? AsOf = null) : IQuery<ReadinessReport>;

public sealed class GetReadinessQueryHandler(ReadinessScope scope, IReadinessStore store, ICertificationStore certifications)
    : IQueryHandler<GetReadinessQuery, ReadinessReport>
{
    public async ValueTask<ReadinessReport> Handle(GetReadinessQuery query, CancellationToken cancellationToken)
    {
        var (subject, asOf) = await scope.ResolveAsync(query.TeamId, query.UserId, query.AsOf, cancellationToken);
        var live = await certifications.ListAsync(false, cancellationToken);
        var assessments = (await store.AssessmentsAsync(subject, asOf, cancellationToken)).ToLookup(a => a.UserId);
        var reps = (await store.RepsAsync(subject, cancellationToken))
            .Select(rep => new RepCertifications(live, assessments[rep.UserId], asOf).Readiness(rep))
            .ToList();
        var teams = (await store.TeamsAsync(subject, cancellationToken))
            .Select(t => (Team: t, Share: Share(reps.Where(r => r.TeamId == t.TeamId))))
            .Select(t => new TeamReadiness(t.Team.TeamId, t.Team.Name, t.Share.Reps, t.Share.RepsCertified, t.Share.ShareCertified))
            .ToList();
        return new ReadinessReport(
            asOf, subject.TeamId, subject.UserId, live.Count(c => c.Required), Share(reps), teams, [.. reps.Where(r => scope.MayListRep(r.UserId))]);
    }

    private static CertifiedShare Share(IEnumerable<RepReadiness> reps)
    {
        var list = reps.ToList();
        var certified = list.Count(r => r.Ready);
        return new CertifiedShare(list.Count, certified, Ratio.Of(certified, list.Count));
    }
}

public sealed class GetReadinessQueryValidator : AbstractValidator<GetReadinessQuery>
{
    public GetReadinessQueryValidator() => RuleFor(x => x.AsOf).ReadinessDay();
}
