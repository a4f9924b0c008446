using SalesCrm.Domain.Readiness;

namespace SalesCrm.Application.Readiness;

/// <summary>
/// What one rep holds on a day: for each live certification, their latest pass dated on or before it decides — held while
/// the day is before assessedOn + validity (the certification's current validity), expired after.
/// </summary>
public sealed class RepCertifications(IReadOnlyList<CertificationDto> certifications, IEnumerable<AssessmentDto> assessments, DateOnly asOf)
{
    private readonly IReadOnlyList<AssessmentDto> _assessments = [.. assessments.Where(a => a.AssessedOn <= asOf)];

    public IEnumerable<(CertificationDto Certification, DateOnly AssessedOn, DateOnly? ExpiresOn)> Held() =>
        LatestPasses().Where(p => CertificationRules.IsHeldOn(asOf, p.AssessedOn, p.Certification.ValidityMonths));

    public RepReadiness Readiness(ReadinessRep rep)
    {
        var held = Held().ToList();
        var passes = LatestPasses().ToDictionary(p => p.Certification.Id);
        var required = certifications.Where(c => c.Required).ToList();
        var missing = required.Where(c => held.All(h => h.Certification.Id != c.Id))
            .Select(c => new MissingCertification(c.Id, c.Name, passes.TryGetValue(c.Id, out var lapsed) ? lapsed.ExpiresOn : null))
            .ToList();
        var latest = _assessments.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).FirstOrDefault();
        return new RepReadiness(
            rep.UserId, rep.DisplayName, rep.TeamId, required.Count - missing.Count, required.Count, missing.Count == 0, missing,
            [.. held.Select(h => new HeldCertification(h.Certification.Id, h.Certification.Name, h.Certification.Required, h.AssessedOn, h.ExpiresOn))],
            latest is null ? null : new LatestAssessment(latest.Id, latest.Name, latest.CertificationId, latest.Score, latest.Passed, latest.AssessedOn));
    }

    private IEnumerable<(CertificationDto Certification, DateOnly AssessedOn, DateOnly? ExpiresOn)> LatestPasses() =>
        certifications.Select(c => (Certification: c, Pass: _assessments.Where(a => a.Passed && a.CertificationId == c.Id).MaxBy(a => a.AssessedOn)))
            .Where(x => x.Pass is not null)
            .Select(x => (x.Certification, x.Pass!.AssessedOn, CertificationRules.ExpiresOn(x.Pass.AssessedOn, x.Certification.ValidityMonths)));
}
