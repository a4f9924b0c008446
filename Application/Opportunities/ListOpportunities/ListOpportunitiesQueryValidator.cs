using FluentValidation;
using SalesCrm.Application.Common.Validation;

namespace SalesCrm.Application.Opportunities.ListOpportunities;

public sealed class ListOpportunitiesQueryValidator : AbstractValidator<ListOpportunitiesQuery>
{
    public ListOpportunitiesQueryValidator()
    {
        this.AddPageRules();
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Sort).IsInEnum();
        RuleFor(x => x.CreatedTo).GreaterThan(x => x.CreatedFrom).When(x => x.CreatedFrom is not null && x.CreatedTo is not null)
            .WithMessage("createdTo must be after createdFrom.");
        RuleFor(x => x.ExpectedCloseTo).GreaterThan(x => x.ExpectedCloseFrom).When(x => x.ExpectedCloseFrom is not null && x.ExpectedCloseTo is not null)
            .WithMessage("expectedCloseTo must be after expectedCloseFrom.");
    }
}
