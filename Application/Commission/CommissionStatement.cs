using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Commission;

namespace SalesCrm.Application.Commission;

/// <summary>
/// A rep's pay for one period under the plan in force on its first day. Without a plan in force (or with one paying
/// per another period) <see cref="Plan"/> and the pay figures are null; the won revenue and deals are still shown.
/// </summary>
public sealed record CommissionStatement(
    Guid UserId,
    CommissionPeriod Period,
    DateOnly Start,
    DateOnly End,
    CommissionPlanDto? Plan,
    decimal WonRevenue,
    double? Attainment,
    bool? ThresholdMet,
    decimal? BasePay,
    decimal? Commission,
    decimal? Total,
    IReadOnlyList<CommissionDeal> Deals)
{
    public static CommissionStatement Of(Guid userId, CommissionPeriod period, MetricWindow window, CommissionPlanDto? plan, IReadOnlyList<CommissionDeal> deals)
    {
        var won = deals.Sum(d => d.Amount);
        var pay = plan is null ? null : CommissionPay.Of(plan, won);
        return new CommissionStatement(
            userId, period, window.From, window.To, plan, won, pay?.Attainment, pay?.ThresholdMet, pay?.BasePay, pay?.Commission, pay?.Total, deals);
    }
}

/// <summary>The pay figures of one plan for a won revenue.</summary>
public sealed record CommissionPay(double? Attainment, bool ThresholdMet, decimal BasePay, decimal Commission, decimal Total)
{
    public static CommissionPay Of(CommissionPlanDto plan, decimal won)
    {
        var commission = CommissionFormula.Commission(won, plan.Target, plan.Threshold, plan.Rate);
        return new CommissionPay(
            Ratio.Of((double)won, (double)plan.Target),
            CommissionFormula.ThresholdMet(won, plan.Target, plan.Threshold),
            plan.BasePay,
            commission,
            plan.BasePay + commission);
    }
}

/// <summary>One rep's line of the earnings list.</summary>
public sealed record RepEarnings(
    Guid UserId, string DisplayName, Guid PlanId, string PlanName, decimal WonRevenue, double? Attainment, bool ThresholdMet,
    decimal BasePay, decimal Commission, decimal Total);

/// <summary>Each rep's pay for one period, by name, and the sum of their totals.</summary>
public sealed record CommissionEarnings(Guid? TeamId, CommissionPeriod Period, DateOnly Start, DateOnly End, decimal Total, IReadOnlyList<RepEarnings> Reps);
