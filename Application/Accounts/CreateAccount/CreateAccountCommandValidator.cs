using FluentValidation;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Accounts.CreateAccount;

public sealed class CreateAccountCommandValidator : AbstractValidator<CreateAccountCommand>
{
    public CreateAccountCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(RecordFieldRules.NameLength);
        RuleFor(x => x.Domain).MaximumLength(RecordFieldRules.NameLength);
        RuleFor(x => x.Industry).MaximumLength(RecordFieldRules.NameLength);
        RuleFor(x => x.ExternalId).ExternalId();
        RuleFor(x => x.OccurredAt).NotInFuture(clock);
    }
}
