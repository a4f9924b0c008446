using FluentValidation;
using SalesCrm.Domain.TimeEntries;

namespace SalesCrm.Application.TimeEntries;

public static class TimeEntryValidation
{
    public static IRuleBuilderOptions<T, int> Duration<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(TimeEntryRules.MinDurationMinutes, TimeEntryRules.MaxDurationMinutes)
            .WithMessage($"durationMinutes must be a whole number of minutes from {TimeEntryRules.MinDurationMinutes} to {TimeEntryRules.MaxDurationMinutes} (a day).");

    public static IRuleBuilderOptions<T, string?> Note<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(TimeEntryRules.NoteLength);
}
