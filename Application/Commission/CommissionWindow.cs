using FluentValidation;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Organisations;
using SalesCrm.Domain.Commission;

namespace SalesCrm.Application.Commission;

/// <summary>A commission period as calendar dates in the organisation's zone and the UTC instants deals are closed at.</summary>
public sealed class CommissionWindow(OrganisationCalendar calendar)
{
    public async Task<MetricWindow> ResolveAsync(CommissionPeriod period, DateOnly start, CancellationToken cancellationToken) =>
        MetricWindow.Create(start, CommissionPeriods.EndOf(period, start), await calendar.ZoneAsync(cancellationToken));
}

/// <summary>A period query: <c>period</c> month or quarter, <c>start</c> its first day.</summary>
public interface ICommissionPeriodQuery
{
    CommissionPeriod? Period { get; }

    DateOnly? Start { get; }
}

public static class CommissionPeriodRules
{
    public static void AddPeriodRules<T>(this AbstractValidator<T> validator)
        where T : ICommissionPeriodQuery
    {
        validator.RuleFor(x => x.Period).NotNull().WithMessage("period is required: month or quarter.").IsInEnum();
        validator.RuleFor(x => x.Start).NotNull().WithMessage("start is required: the period's first day (yyyy-MM-dd).");
        validator.RuleFor(x => x.Start)
            .Must((query, start) => CommissionPeriods.IsPeriodStart(query.Period!.Value, start!.Value))
            .When(x => x.Period is not null && x.Start is not null)
            .WithMessage("start must be the first day of the period (a month's 1st; 1 January, April, July or October for quarters).");
        validator.RuleFor(x => x.Start)
            .Must(start => start >= MetricWindow.EarliestDate && start < MetricWindow.LatestDate.AddMonths(-3))
            .When(x => x.Start is not null)
            .WithMessage("start must be between 1970 and 2099.");
    }
}
