using SalesCrm.Domain.Commission;

namespace SalesCrm.Application.Commission;

/// <summary>
/// A commission plan: <see cref="BasePay"/> per period, <see cref="Target"/> revenue per period, <see cref="Rate"/> (a
/// fraction of won revenue) paid once attainment reaches <see cref="Threshold"/> (a fraction of the target).
/// </summary>
public sealed record CommissionPlanDto(
    Guid Id, string Name, decimal BasePay, decimal Target, decimal Rate, decimal Threshold, CommissionPeriod Period, DateTimeOffset CreatedAt);

/// <summary>A plan given to a rep from <see cref="EffectiveFrom"/> (a month's 1st) until their next assignment.</summary>
public sealed record CommissionAssignmentDto(Guid Id, Guid UserId, Guid PlanId, DateOnly EffectiveFrom, DateTimeOffset AssignedAt, Guid AssignedBy);

/// <summary>A won deal a statement counts.</summary>
public sealed record CommissionDeal(Guid Id, string Name, decimal Amount, DateTimeOffset ClosedAt);

/// <summary>One rep's plan in force at a period's start and their won revenue in the period.</summary>
public sealed record RepEarningsRow(Guid UserId, string DisplayName, CommissionPlanDto Plan, decimal WonRevenue);
