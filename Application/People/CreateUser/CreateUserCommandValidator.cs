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
        RuleFor(x => x.StartedOn).Must(day => day is null || (day >= new DateOnly(1970, 1, 1) && day < new DateOnly(2100, 1, 1)))
            .WithMessage("startedOn must be a date from 1970-01-01 to 2099-12-31.");
    }
}
