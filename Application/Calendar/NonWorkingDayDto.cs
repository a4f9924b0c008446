namespace SalesCrm.Application.Calendar;

/// <summary>A day the organisation does not work (a public holiday, a company day off), with its name.</summary>
public sealed record NonWorkingDayDto(DateOnly Date, string Name);
