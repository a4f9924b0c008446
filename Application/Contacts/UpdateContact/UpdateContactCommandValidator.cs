using FluentValidation;

namespace SalesCrm.Application.Contacts.UpdateContact;

public sealed class UpdateContactCommandValidator : AbstractValidator<UpdateContactCommand>
{
    public UpdateContactCommandValidator()
    {
        RuleFor(x => x.FirstName).PersonName();
        RuleFor(x => x.LastName).PersonName();
        RuleFor(x => x.Email).OptionalEmail();
        RuleFor(x => x.Phone).OptionalPhone();
        RuleFor(x => x.Title).OptionalText();
    }
}
