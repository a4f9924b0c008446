using FluentValidation;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Contacts;

/// <summary>Field rules shared by every command that carries a person's contact details (contacts, leads).</summary>
public static class ContactValidation
{
    public static IRuleBuilderOptions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(RecordFieldRules.NameLength);

    public static IRuleBuilderOptions<T, string?> OptionalEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(RecordFieldRules.EmailLength).EmailAddress();

    public static IRuleBuilderOptions<T, string?> OptionalPhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(RecordFieldRules.PhoneLength);

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(RecordFieldRules.NameLength);
}
