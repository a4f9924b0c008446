using FluentValidation;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.Auth.CreateToken;

public sealed class CreateTokenCommandValidator : AbstractValidator<CreateTokenCommand>
{
    public CreateTokenCommandValidator()
    {
        RuleFor(x => x.GrantType).IsInEnum();
        When(x => x.GrantType == GrantType.Password, () =>
        {
            RuleFor(x => x.Email).NotEmpty().MaximumLength(UserRules.MaxEmailLength);
            RuleFor(x => x.Password).NotEmpty().MaximumLength(UserRules.MaxPasswordLength);
        });
        When(x => x.GrantType == GrantType.RefreshToken, () =>
            RuleFor(x => x.RefreshToken).NotEmpty().MaximumLength(200));
        When(x => x.GrantType == GrantType.ClientCredentials, () =>
        {
            RuleFor(x => x.ClientId).NotEmpty().MaximumLength(100);
            RuleFor(x => x.ClientSecret).NotEmpty().MaximumLength(200);
        });
    }
}
