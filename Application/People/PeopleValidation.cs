using FluentValidation;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.People;

/// <summary>Field rules shared by every command that carries a person's details.</summary>
public static class PeopleValidation
{
    public static IRuleBuilderOptions<T, string?> NewPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .MinimumLength(UserRules.MinPasswordLength)
            .MaximumLength(UserRules.MaxPasswordLength);

    public static IRuleBuilderOptions<T, string?> DisplayName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(UserRules.MaxDisplayNameLength);

    public static IRuleBuilderOptions<T, string?> TeamName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(100);
}
