using SalesCrm.Domain.Commission;

namespace SalesCrm.Application.Commission;

public interface ICommissionStore
{
    /// <summary>409 on <c>name</c> when a plan already has the name.</summary>
    Task InsertPlanAsync(CommissionPlanDto plan, Guid by, CancellationToken cancellationToken);

    Task<CommissionPlanDto?> FindPlanAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<CommissionPlanDto>> ListPlansAsync(CancellationToken cancellationToken);

    /// <summary>409 on <c>effectiveFrom</c> when the rep already has an assignment from that date.</summary>
    Task InsertAssignmentAsync(CommissionAssignmentDto assignment, CancellationToken cancellationToken);

    /// <summary>The rep's assignments, oldest effective date first.</summary>
    Task<IReadOnlyList<CommissionAssignmentDto>> AssignmentsAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The plan of the rep's latest assignment effective on or before <paramref name="on"/>.</summary>
    Task<CommissionPlanDto?> PlanInForceAsync(Guid userId, DateOnly on, CancellationToken cancellationToken);

    /// <summary>The rep's deals won (not deleted) with closed_at in [from, to), oldest first.</summary>
    Task<IReadOnlyList<CommissionDeal>> WonDealsAsync(Guid userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Every rep (of <paramref name="teamId"/>, or all) whose plan in force on <paramref name="start"/> pays per <paramref name="period"/>, with their revenue won in [from, to).</summary>
    Task<IReadOnlyList<RepEarningsRow>> EarningsAsync(
        Guid? teamId, CommissionPeriod period, DateOnly start, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
