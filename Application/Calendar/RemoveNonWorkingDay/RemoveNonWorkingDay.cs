using Mediator;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.Calendar.RemoveNonWorkingDay;

/// <summary>Makes a date an ordinary day again (a working day when it falls in the working week).</summary>
public sealed record RemoveNonWorkingDayCommand(DateOnly Date) : ICommand;

public sealed class RemoveNonWorkingDayCommandHandler(ICalendarStore calendar) : ICommandHandler<RemoveNonWorkingDayCommand>
{
    public async ValueTask<Unit> Handle(RemoveNonWorkingDayCommand command, CancellationToken cancellationToken) =>
        await calendar.DeleteAsync(command.Date, cancellationToken) ? Unit.Value : throw new NotFoundException("non-working day");
}
