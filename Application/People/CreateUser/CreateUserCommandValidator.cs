using FluentValidation;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.People.CreateUser;

public sealed class CreateUserCommandValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserCommandValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(UserRules.MaxEmailLength).EmailAddress();
        RuleFor(x => x.DisplayName).DisplayName();
        RuleFor(x => x.Role).IsInEnum();
        RuleFor(x => x.TeamId).NotNull().When(x => UserRules.TeamIsRequired(x.Role))
            .WithMessage("A manager must be given the team they manage.");
        RuleFor(x => x.Password).NewPassword();
    }
}
