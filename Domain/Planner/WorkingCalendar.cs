namespace SalesCrm.Domain.Planner;

/// <summary>
/// The organisation's working days: the working week (Monday to Friday) minus the non-working days of its calendar.
/// A non-working day that falls on a weekend changes nothing.
/// </summary>
public static class WorkingCalendar
{
    public static readonly IReadOnlySet<DayOfWeek> WorkingWeek = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    public static bool IsWorkingWeekday(DateOnly day) => WorkingWeek.Contains(day.DayOfWeek);

    /// <summary>The working days of [from, to): working weekdays that are not in <paramref name="nonWorkingDays"/>.</summary>
    public static IReadOnlyList<DateOnly> WorkingDays(DateOnly from, DateOnly to, IReadOnlySet<DateOnly> nonWorkingDays)
    {
        var days = new List<DateOnly>();
        for (var day = from; day < to; day = day.AddDays(1))
        {
            if (IsWorkingWeekday(day) && !nonWorkingDays.Contains(day))
            {
                days.Add(day);
            }
        }

        return days;
    }
}
