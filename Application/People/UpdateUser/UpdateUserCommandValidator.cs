using FluentValidation;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.People.UpdateUser;

public sealed class UpdateUserCommandValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserCommandValidator()
    {
        RuleFor(x => x.DisplayName).DisplayName();
        RuleFor(x => x.Role).IsInEnum();
        RuleFor(x => x.TeamId).NotNull().When(x => UserRules.TeamIsRequired(x.Role))
            .WithMessage("A manager must be given the team they manage.");
    }
}
