namespace SalesCrm.Application.Calendar;

/// <summary>The dates the calendar accepts and the length of a day's name.</summary>
public static class CalendarRules
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);
    public const int NameLength = 100;

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;
}
