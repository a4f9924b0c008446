using FluentValidation;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Contacts.CreateContact;

public sealed class CreateContactCommandValidator : AbstractValidator<CreateContactCommand>
{
    public CreateContactCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.FirstName).PersonName();
        RuleFor(x => x.LastName).PersonName();
        RuleFor(x => x.Email).OptionalEmail();
        RuleFor(x => x.Phone).OptionalPhone();
        RuleFor(x => x.Title).OptionalText();
        RuleFor(x => x.ExternalId).ExternalId();
        RuleFor(x => x.OccurredAt).NotInFuture(clock);
    }
}
