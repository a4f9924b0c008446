using FluentValidation;
using SalesCrm.Application.Common.Validation;

namespace SalesCrm.Application.People.ListUsers;

public sealed class ListUsersQueryValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersQueryValidator()
    {
        this.AddPageRules();
        RuleFor(x => x.Q).MaximumLength(100);
    }
}
