using FluentValidation;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Contacts;
using SalesCrm.Domain.Leads;

namespace SalesCrm.Application.Leads.CreateLead;

public sealed class CreateLeadCommandValidator : AbstractValidator<CreateLeadCommand>
{
    public CreateLeadCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).PersonName();
        RuleFor(x => x.Company).OptionalText();
        RuleFor(x => x.Email).OptionalEmail();
        RuleFor(x => x.Phone).OptionalPhone();
        RuleFor(x => x.Source).OptionalText();
        RuleFor(x => x.Status).IsInEnum()
            .Must(s => s is null || LeadRules.IsSettable(s.Value))
            .WithMessage("A lead becomes converted only through POST /api/v1/leads/{id}/convert.");
        RuleFor(x => x.DisqualificationReason).NotEmpty().When(x => x.Status is { } s && LeadRules.NeedsReason(s))
            .WithMessage("A disqualified lead needs a disqualificationReason.");
        RuleFor(x => x.DisqualificationReason).Null().When(x => x.Status is not { } s || !LeadRules.NeedsReason(s))
            .WithMessage("Only a disqualified lead has a disqualificationReason.");
        RuleFor(x => x.DisqualificationReason).OptionalText();
        RuleFor(x => x.ExternalId).ExternalId();
        RuleFor(x => x.OccurredAt).NotInFuture(clock);
    }
}
