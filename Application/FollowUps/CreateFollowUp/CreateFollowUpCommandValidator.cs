using FluentValidation;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.FollowUps.CreateFollowUp;

public sealed class CreateFollowUpCommandValidator : AbstractValidator<CreateFollowUpCommand>
{
    /// <summary>How far ahead a follow-up may be planned.</summary>
    public static readonly TimeSpan MaxLead = TimeSpan.FromDays(5 * 366);

    public CreateFollowUpCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.OccurredAt).NotInFuture(clock);
        RuleFor(x => x.DueAt)
            .Must((f, due) => due >= (f.OccurredAt ?? clock.GetUtcNow()))
            .WithMessage("dueAt must not be before the follow-up's creation time (occurredAt, default now).")
            .Must(due => due <= clock.GetUtcNow() + MaxLead)
            .WithMessage("dueAt can be at most five years ahead.");
        RuleFor(x => x.LeadId)
            .Must((f, _) => f.LeadId is null != f.OpportunityId is null)
            .WithMessage("Attach the follow-up to exactly one of leadId or opportunityId.");
        RuleFor(x => x.Notes).MaximumLength(RecordFieldRules.NotesLength);
        RuleFor(x => x.ExternalId).ExternalId();
    }
}
