using FluentValidation;
using SalesCrm.Application.People;

namespace SalesCrm.Application.Me.ChangePassword;

public sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty();
        RuleFor(x => x.NewPassword).NewPassword();
    }
}
