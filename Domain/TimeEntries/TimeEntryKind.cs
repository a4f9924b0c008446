namespace SalesCrm.Domain.TimeEntries;

/// <summary>What non-selling time a rep spent: paperwork, training, meetings inside the company, travelling.</summary>
public enum TimeEntryKind
{
    Admin,
    Training,
    InternalMeeting,
    Travel,
}

/// <summary>The limits of a time entry: a whole number of minutes, from one minute to a full day.</summary>
public static class TimeEntryRules
{
    public const int MinDurationMinutes = 1;
    public const int MaxDurationMinutes = 1440;
    public const int NoteLength = 2000;
}
