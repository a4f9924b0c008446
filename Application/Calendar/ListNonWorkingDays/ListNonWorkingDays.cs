using FluentValidation;
using Mediator;

namespace SalesCrm.Application.Calendar.ListNonWorkingDays;

/// <summary>The organisation's non-working days in [from, to) (default: the whole calendar), in date order.</summary>
public sealed record ListNonWorkingDaysQuery(DateOnly? From = null, DateOnly? To = null) : IQuery<IReadOnlyList<NonWorkingDayDto>>;

public sealed class ListNonWorkingDaysQueryHandler(ICalendarStore calendar) : IQueryHandler<ListNonWorkingDaysQuery, IReadOnlyList<NonWorkingDayDto>>
{
    public async ValueTask<IReadOnlyList<NonWorkingDayDto>> Handle(ListNonWorkingDaysQuery query, CancellationToken cancellationToken) =>
        await calendar.ListAsync(query.From ?? CalendarRules.Earliest, query.To ?? CalendarRules.Latest.AddDays(1), cancellationToken);
}

public sealed class ListNonWorkingDaysQueryValidator : AbstractValidator<ListNonWorkingDaysQuery>
{
    public ListNonWorkingDaysQueryValidator() =>
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null).WithMessage("to must be after from.");
}
