using FluentValidation;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Accounts.UpdateAccount;

public sealed class UpdateAccountCommandValidator : AbstractValidator<UpdateAccountCommand>
{
    public UpdateAccountCommandValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(RecordFieldRules.NameLength);
        RuleFor(x => x.Domain).MaximumLength(RecordFieldRules.NameLength);
        RuleFor(x => x.Industry).MaximumLength(RecordFieldRules.NameLength);
    }
}
