using FluentValidation;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Common.Validation;

namespace SalesCrm.Application.Leads.ListLeads;

public sealed class ListLeadsQueryValidator : AbstractValidator<ListLeadsQuery>
{
    public ListLeadsQueryValidator()
    {
        this.AddPageRules(SortCursor.MaxLength);
        RuleFor(x => x.Q).MaximumLength(RecordFieldRules.NameLength);
        RuleFor(x => x.Source).MaximumLength(RecordFieldRules.NameLength);
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Sort).IsInEnum();
        RuleFor(x => x.CreatedTo).GreaterThan(x => x.CreatedFrom).When(x => x.CreatedFrom is not null && x.CreatedTo is not null)
            .WithMessage("createdTo must be after createdFrom.");
    }
}
