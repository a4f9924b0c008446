using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Calendar.AddNonWorkingDay;

/// <summary>Marks a date as a day the organisation does not work; the planner leaves it out of the working days.</summary>
public sealed record AddNonWorkingDayCommand(DateOnly Date, string Name) : ICommand<NonWorkingDayDto>;

public sealed class AddNonWorkingDayCommandHandler(ICalendarStore calendar, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<AddNonWorkingDayCommand, NonWorkingDayDto>
{
    public async ValueTask<NonWorkingDayDto> Handle(AddNonWorkingDayCommand command, CancellationToken cancellationToken)
    {
        var day = new NonWorkingDayDto(command.Date, command.Name.Trim());
        await calendar.InsertAsync(day, caller.Id, clock.Now(), cancellationToken);
        return day;
    }
}

public sealed class AddNonWorkingDayCommandValidator : AbstractValidator<AddNonWorkingDayCommand>
{
    public AddNonWorkingDayCommandValidator()
    {
        RuleFor(x => x.Date).Must(CalendarRules.InRange)
            .WithMessage($"date must be from {CalendarRules.Earliest:yyyy-MM-dd} to {CalendarRules.Latest:yyyy-MM-dd}.");
        RuleFor(x => x.Name).NotEmpty().Must(n => n is null || !string.IsNullOrWhiteSpace(n)).MaximumLength(CalendarRules.NameLength);
    }
}
