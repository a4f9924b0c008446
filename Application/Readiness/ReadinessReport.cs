namespace SalesCrm.Application.Readiness;

/// <summary>
/// Readiness on <see cref="AsOf"/>: each rep's required certifications held out of those required, and the share of reps
/// certified (every required certification held) overall and per team.
/// </summary>
public sealed record ReadinessReport(
    DateOnly AsOf, Guid? TeamId, Guid? UserId, int RequiredCertifications, CertifiedShare Summary, IReadOnlyList<TeamReadiness> Teams,
    IReadOnlyList<RepReadiness> Reps);

/// <summary>Reps certified out of reps; <see cref="ShareCertified"/> is null when there are no reps.</summary>
public sealed record CertifiedShare(int Reps, int RepsCertified, double? ShareCertified);

public sealed record TeamReadiness(Guid TeamId, string Name, int Reps, int RepsCertified, double? ShareCertified);

/// <summary>
/// One rep: <see cref="RequiredHeld"/> of <see cref="RequiredTotal"/> required certifications held, the missing ones (with the
/// date a former pass expired), every certification held, and their latest assessment (any, passed or not).
/// </summary>
public sealed record RepReadiness(
    Guid UserId,
    string DisplayName,
    Guid? TeamId,
    int RequiredHeld,
    int RequiredTotal,
    bool Ready,
    IReadOnlyList<MissingCertification> Missing,
    IReadOnlyList<HeldCertification> Held,
    LatestAssessment? LatestAssessment);

public sealed record MissingCertification(Guid CertificationId, string Name, DateOnly? ExpiredOn);

public sealed record HeldCertification(Guid CertificationId, string Name, bool Required, DateOnly AssessedOn, DateOnly? ExpiresOn);

public sealed record LatestAssessment(Guid AssessmentId, string Name, Guid? CertificationId, int Score, bool Passed, DateOnly AssessedOn);

/// <summary>Certifications held on <see cref="AsOf"/> whose hold ends within the next <see cref="Within"/> days.</summary>
public sealed record ExpiringReport(DateOnly AsOf, int Within, IReadOnlyList<ExpiringCertification> Certifications);

/// <summary>A held certification that ends on <see cref="ExpiresOn"/> (the first day it is no longer held), <see cref="DaysLeft"/> days after as of.</summary>
public sealed record ExpiringCertification(
    Guid UserId, string DisplayName, Guid? TeamId, Guid CertificationId, string Name, bool Required, DateOnly AssessedOn, DateOnly ExpiresOn, int DaysLeft);

/// <summary>A rep as readiness reads them.</summary>
public sealed record ReadinessRep(Guid UserId, string DisplayName, Guid? TeamId);

public sealed record ReadinessTeam(Guid TeamId, string Name);
