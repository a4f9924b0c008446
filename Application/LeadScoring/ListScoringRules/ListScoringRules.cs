using Mediator;

namespace SalesCrm.Application.LeadScoring.ListScoringRules;

/// <summary>The organisation's scoring rules, by event type.</summary>
public sealed record ListScoringRulesQuery : IQuery<IReadOnlyList<ScoringRuleDto>>;

public sealed class ListScoringRulesQueryHandler(ILeadScoringStore store) : IQueryHandler<ListScoringRulesQuery, IReadOnlyList<ScoringRuleDto>>
{
    public async ValueTask<IReadOnlyList<ScoringRuleDto>> Handle(ListScoringRulesQuery query, CancellationToken cancellationToken) =>
        await store.ListRulesAsync(cancellationToken);
}
