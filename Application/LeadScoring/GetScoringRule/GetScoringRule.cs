using Mediator;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.LeadScoring.GetScoringRule;

public sealed record GetScoringRuleQuery(string Type) : IQuery<ScoringRuleDto>;

public sealed class GetScoringRuleQueryHandler(ILeadScoringStore store) : IQueryHandler<GetScoringRuleQuery, ScoringRuleDto>
{
    public async ValueTask<ScoringRuleDto> Handle(GetScoringRuleQuery query, CancellationToken cancellationToken) =>
        await store.FindRuleAsync(query.Type, cancellationToken) ?? throw new NotFoundException("scoring rule");
}
