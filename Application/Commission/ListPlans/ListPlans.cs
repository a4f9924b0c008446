using Mediator;

namespace SalesCrm.Application.Commission.ListPlans;

/// <summary>Every commission plan, by name (admins, and managers choosing a plan for their reps).</summary>
public sealed record ListPlansQuery : IQuery<IReadOnlyList<CommissionPlanDto>>;

public sealed class ListPlansQueryHandler(ICommissionStore store) : IQueryHandler<ListPlansQuery, IReadOnlyList<CommissionPlanDto>>
{
    public async ValueTask<IReadOnlyList<CommissionPlanDto>> Handle(ListPlansQuery query, CancellationToken cancellationToken) =>
        await store.ListPlansAsync(cancellationToken);
}
