namespace SalesCrm.Application.Calendar;

public interface ICalendarStore
{
    /// <summary>The non-working days in [from, to), in date order.</summary>
    Task<IReadOnlyList<NonWorkingDayDto>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>Adds the day; 409 on <c>date</c> when it is already in the calendar.</summary>
    Task InsertAsync(NonWorkingDayDto day, Guid by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Removes the day; false when it was not in the calendar.</summary>
    Task<bool> DeleteAsync(DateOnly date, CancellationToken cancellationToken);
}
