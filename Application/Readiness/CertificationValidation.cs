using FluentValidation;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Readiness;

namespace SalesCrm.Application.Readiness;

public static class CertificationValidation
{
    public static IRuleBuilderOptions<T, string> CertificationName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("name must not be empty.")
            .MaximumLength(RecordFieldRules.NameLength);

    public static IRuleBuilderOptions<T, int?> ValidityMonths<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, CertificationRules.MaxValidityMonths)
            .WithMessage($"validityMonths must be between 1 and {CertificationRules.MaxValidityMonths}, or null for a certification that never expires.");
}
