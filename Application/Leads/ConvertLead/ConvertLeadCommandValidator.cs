using FluentValidation;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Contacts;

namespace SalesCrm.Application.Leads.ConvertLead;

public sealed class ConvertLeadCommandValidator : AbstractValidator<ConvertLeadCommand>
{
    public ConvertLeadCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.Opportunity.Name).NotEmpty().MaximumLength(RecordFieldRules.NameLength);
        RuleFor(x => x.Opportunity.Amount).Amount();
        RuleFor(x => x.Account).Null().When(x => x.AccountId is not null)
            .WithMessage("Give either accountId (an existing account) or account (a new one), not both.");
        RuleFor(x => x.Account).ChildRules(account =>
        {
            account.RuleFor(a => a!.Name).NotEmpty().MaximumLength(RecordFieldRules.NameLength);
            account.RuleFor(a => a!.Domain).OptionalText();
            account.RuleFor(a => a!.Industry).OptionalText();
        }).When(x => x.Account is not null);
        RuleFor(x => x.Contact).ChildRules(contact =>
        {
            contact.RuleFor(c => c!.FirstName).PersonName();
            contact.RuleFor(c => c!.LastName).PersonName();
            contact.RuleFor(c => c!.Title).OptionalText();
        }).When(x => x.Contact is not null);
        RuleFor(x => x.OccurredAt).NotInFuture(clock);
    }
}
