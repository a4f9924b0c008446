using FluentValidation;

namespace SalesCrm.Application.Common.Records;

/// <summary>The documented bounds of fields shared by many records (docs/api-conventions.md).</summary>
public static class RecordFieldRules
{
    public const int NameLength = 200;
    public const int EmailLength = 254;
    public const int PhoneLength = 50;
    public const int ExternalIdLength = 200;
    public const int NotesLength = 4000;
    public const int BodyLength = 20000;
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static IRuleBuilderOptions<T, string?> ExternalId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(ExternalIdLength).Must(id => id is null || id.Trim().Length > 0)
            .WithMessage("{PropertyName} must not be blank.");

    /// <summary>Money: not negative, at most a trillion, at most 4 decimal places (what storage keeps exactly).</summary>
    public static IRuleBuilderOptions<T, decimal> Amount<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.InclusiveBetween(0m, MaxAmount).PrecisionScale(19, 4, ignoreTrailingZeros: true);
}
