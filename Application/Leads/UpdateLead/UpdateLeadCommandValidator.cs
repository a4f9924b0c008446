using FluentValidation;
using SalesCrm.Application.Contacts;
using SalesCrm.Domain.Leads;

namespace SalesCrm.Application.Leads.UpdateLead;

public sealed class UpdateLeadCommandValidator : AbstractValidator<UpdateLeadCommand>
{
    public UpdateLeadCommandValidator()
    {
        RuleFor(x => x.Name).PersonName();
        RuleFor(x => x.Company).OptionalText();
        RuleFor(x => x.Email).OptionalEmail();
        RuleFor(x => x.Phone).OptionalPhone();
        RuleFor(x => x.Source).OptionalText();
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.DisqualificationReason).NotEmpty().When(x => LeadRules.NeedsReason(x.Status))
            .WithMessage("A disqualified lead needs a disqualificationReason.");
        RuleFor(x => x.DisqualificationReason).Null().When(x => !LeadRules.NeedsReason(x.Status))
            .WithMessage("Only a disqualified lead has a disqualificationReason.");
        RuleFor(x => x.DisqualificationReason).OptionalText();
    }
}
