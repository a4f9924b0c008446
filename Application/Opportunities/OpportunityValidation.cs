using FluentValidation;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Opportunities;

/// <summary>Field rules shared by the commands that write an opportunity's details.</summary>
public static class OpportunityValidation
{
    /// <summary>Expected close dates are calendar dates between 1900 and 2999; anything else is a typo.</summary>
    public static readonly DateOnly EarliestCloseDate = new(1900, 1, 1);
    public static readonly DateOnly LatestCloseDate = new(2999, 12, 31);

    public static IRuleBuilderOptions<T, string> OpportunityName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("{PropertyName} must not be empty.")
            .MaximumLength(RecordFieldRules.NameLength);

    public static IRuleBuilderOptions<T, string?> Competitor<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(RecordFieldRules.NameLength);

    public static IRuleBuilderOptions<T, DateOnly?> CloseDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(date => date is null || (date >= EarliestCloseDate && date <= LatestCloseDate))
            .WithMessage("{PropertyName} must be a date between 1900-01-01 and 2999-12-31.");

    public static IRuleBuilderOptions<T, Guid> RequiredId<T>(this IRuleBuilder<T, Guid> rule) =>
        rule.NotEqual(Guid.Empty).WithMessage("{PropertyName} is required.");
}
