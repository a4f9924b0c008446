using FluentValidation;
using Mediator;
using SalesCrm.Application.People;
using SalesCrm.Domain.Commission;

namespace SalesCrm.Application.Commission.ListEarnings;

/// <summary>
/// Each rep's commission for one period: reps of <c>team</c> (managers only their own; by default the manager's team,
/// or the whole organisation for admins) whose plan in force on the period's first day pays per that period.
/// </summary>
public sealed record ListEarningsQuery(Guid? TeamId, CommissionPeriod? Period, DateOnly? Start) : IQuery<CommissionEarnings>, ICommissionPeriodQuery;

public sealed class ListEarningsQueryHandler(ManagedTeam team, CommissionWindow windows, ICommissionStore store)
    : IQueryHandler<ListEarningsQuery, CommissionEarnings>
{
    public async ValueTask<CommissionEarnings> Handle(ListEarningsQuery query, CancellationToken cancellationToken)
    {
        var teamId = await team.ToReadAsync(query.TeamId, cancellationToken);
        var period = query.Period!.Value;
        var window = await windows.ResolveAsync(period, query.Start!.Value, cancellationToken);
        var rows = await store.EarningsAsync(teamId, period, window.From, window.FromUtc, window.ToUtc, cancellationToken);
        var reps = rows.Select(r =>
        {
            var pay = CommissionPay.Of(r.Plan, r.WonRevenue);
            return new RepEarnings(r.UserId, r.DisplayName, r.Plan.Id, r.Plan.Name, r.WonRevenue, pay.Attainment, pay.ThresholdMet, pay.BasePay, pay.Commission, pay.Total);
        }).ToList();
        return new CommissionEarnings(teamId, period, window.From, window.To, reps.Sum(r => r.Total), reps);
    }
}

public sealed class ListEarningsQueryValidator : AbstractValidator<ListEarningsQuery>
{
    public ListEarningsQueryValidator() => this.AddPeriodRules();
}
