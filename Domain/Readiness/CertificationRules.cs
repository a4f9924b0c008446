namespace SalesCrm.Domain.Readiness;

/// <summary>
/// How a certification is held: a passed assessment for it holds it from the assessment date until that date plus the
/// certification's validity in months (exclusive), or for good when the certification never expires.
/// </summary>
public static class CertificationRules
{
    public const int MaxValidityMonths = 600;
    public const int MaxScore = 100;
    public const int MaxExpiringWithinDays = 365;
    public const int DefaultExpiringWithinDays = 30;

    /// <summary>The first day the certification is no longer held, or null when it never expires.</summary>
    public static DateOnly? ExpiresOn(DateOnly assessedOn, int? validityMonths) =>
        validityMonths is { } months ? assessedOn.AddMonths(months) : null;

    public static bool IsHeldOn(DateOnly day, DateOnly assessedOn, int? validityMonths) =>
        assessedOn <= day && (ExpiresOn(assessedOn, validityMonths) is not { } expires || day < expires);
}
