using FluentValidation;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Activities;

/// <summary>The rules every activity create shares; each type's validator adds its own fields.</summary>
public static class ActivityInputRules
{
    public const string LinkRequired =
        "Link the activity to at least one of leadId, contactId, accountId or opportunityId.";

    /// <summary>occurredAt not in the future (unless <paramref name="futureAllowed"/>), at least one link, a sane externalId.</summary>
    public static void AddActivityRules<T>(this AbstractValidator<T> validator, TimeProvider clock, bool futureAllowed = false)
        where T : IActivityInput
    {
        if (!futureAllowed)
        {
            validator.RuleFor(x => x.OccurredAt).NotInFuture(clock);
        }

        validator.RuleFor(x => x.ExternalId).ExternalId();
        validator.RuleFor(x => x.LeadId)
            .Must((input, _) => input.LeadId is not null || input.ContactId is not null || input.AccountId is not null || input.OpportunityId is not null)
            .WithMessage(LinkRequired);
    }

    public static IRuleBuilderOptions<T, string?> Notes<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(RecordFieldRules.NotesLength);
}
