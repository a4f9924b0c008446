using FluentValidation;

namespace SalesCrm.Application.Auth.SignOut;

public sealed class SignOutCommandValidator : AbstractValidator<SignOutCommand>
{
    public SignOutCommandValidator() => RuleFor(x => x.RefreshToken).NotEmpty().MaximumLength(200);
}
