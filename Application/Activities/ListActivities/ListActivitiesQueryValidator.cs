using FluentValidation;
using SalesCrm.Application.Common.Validation;

namespace SalesCrm.Application.Activities.ListActivities;

public sealed class ListActivitiesQueryValidator : AbstractValidator<ListActivitiesQuery>
{
    public ListActivitiesQueryValidator()
    {
        this.AddPageRules();
        RuleFor(x => x.Type).IsInEnum();
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("to must be after from.");
    }
}
