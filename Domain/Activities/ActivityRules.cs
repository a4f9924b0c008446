using SalesCrm.Domain.Common;

namespace SalesCrm.Domain.Activities;

/// <summary>The bounds every activity keeps, whichever way it arrives (single create, batch, import).</summary>
public static class ActivityRules
{
    /// <summary>A call or meeting lasts from 0 seconds up to one day.</summary>
    public const int MaxDurationSeconds = 86_400;

    public const int SubjectLength = 500;

    /// <summary>The most activities one batch request may carry.</summary>
    public const int MaxBatchSize = 1_000;

    /// <summary>How far ahead a meeting may be scheduled.</summary>
    public static readonly TimeSpan MaxMeetingLead = TimeSpan.FromDays(2 * 366);

    public static ActivityOutcome ToActivityOutcome(this CallOutcome outcome) => EnumNames.Parse<ActivityOutcome>(outcome.ToName());

    public static ActivityOutcome ToActivityOutcome(this MeetingOutcome outcome) => EnumNames.Parse<ActivityOutcome>(outcome.ToName());

    public static bool IsCallOutcome(this ActivityOutcome outcome) => EnumNames.TryParse<CallOutcome>(outcome.ToName(), out _);

    public static bool IsMeetingOutcome(this ActivityOutcome outcome) => EnumNames.TryParse<MeetingOutcome>(outcome.ToName(), out _);
}
