using FluentValidation;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Opportunities.CreateOpportunity;

public sealed class CreateOpportunityCommandValidator : AbstractValidator<CreateOpportunityCommand>
{
    public CreateOpportunityCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).OpportunityName();
        RuleFor(x => x.AccountId).RequiredId();
        RuleFor(x => x.Amount).Amount();
        RuleFor(x => x.ExpectedCloseDate).CloseDate();
        RuleFor(x => x.Competitor).Competitor();
        RuleFor(x => x.ExternalId).ExternalId();
        RuleFor(x => x.OccurredAt).NotInFuture(clock);
    }
}
