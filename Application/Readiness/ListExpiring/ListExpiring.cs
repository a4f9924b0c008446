using FluentValidation;
using Mediator;
using SalesCrm.Domain.Readiness;

namespace SalesCrm.Application.Readiness.ListExpiring;

/// <summary>Certifications the subject's reps hold on a day whose hold ends within the next <see cref="Within"/> days, soonest first.</summary>
public sealed record ListExpiringQuery(int Within = CertificationRules.DefaultExpiringWithinDays, Guid? TeamId = null, Guid? UserId = null, DateOnly? AsOf = null)
    : IQuery<ExpiringReport>;

public sealed class ListExpiringQueryHandler(ReadinessScope scope, IReadinessStore store, ICertificationStore certifications)
    : IQueryHandler<ListExpiringQuery, ExpiringReport>
{
    public async ValueTask<ExpiringReport> Handle(ListExpiringQuery query, CancellationToken cancellationToken)
    {
        var (subject, asOf) = await scope.ResolveAsync(query.TeamId, query.UserId, query.AsOf, cancellationToken);
        var live = await certifications.ListAsync(false, cancellationToken);
        var assessments = (await store.AssessmentsAsync(subject, asOf, cancellationToken)).ToLookup(a => a.UserId);
        var horizon = asOf.AddDays(query.Within);
        var expiring = (await store.RepsAsync(subject, cancellationToken))
            .Where(rep => scope.MayListRep(rep.UserId))
            .SelectMany(rep => new RepCertifications(live, assessments[rep.UserId], asOf).Held()
                .Where(h => h.ExpiresOn is { } end && end <= horizon)
                .Select(h => new ExpiringCertification(
                    rep.UserId, rep.DisplayName, rep.TeamId, h.Certification.Id, h.Certification.Name, h.Certification.Required, h.AssessedOn,
                    h.ExpiresOn!.Value, h.ExpiresOn.Value.DayNumber - asOf.DayNumber)))
            .OrderBy(e => e.ExpiresOn).ThenBy(e => e.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ExpiringReport(asOf, query.Within, expiring);
    }
}

public sealed class ListExpiringQueryValidator : AbstractValidator<ListExpiringQuery>
{
    public ListExpiringQueryValidator()
    {
        RuleFor(x => x.Within).InclusiveBetween(1, CertificationRules.MaxExpiringWithinDays)
            .WithMessage($"within must be between 1 and {CertificationRules.MaxExpiringWithinDays} days.");
        RuleFor(x => x.AsOf).ReadinessDay();
    }
}
