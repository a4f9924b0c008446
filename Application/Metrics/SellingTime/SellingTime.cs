using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.SellingTime;

/// <summary>
/// Section F's selling time for one span. Selling minutes are the logged durations of calls, emails and meetings that
/// started in the span (a cancelled meeting, or one that has not started yet, contributes nothing); an activity with
/// no duration contributes nothing and is counted in <see cref="ActivitiesWithoutDuration"/> so the gap shows.
/// Non-selling minutes are the time entries that started in the span, per kind.
/// Selling share = selling / (selling + non-selling), null when both are zero.
/// </summary>
public sealed record SellingTime(
    double SellingMinutes,
    double CallMinutes,
    double MeetingMinutes,
    double EmailMinutes,
    long ActivitiesWithDuration,
    long ActivitiesWithoutDuration,
    long NonSellingMinutes,
    long AdminMinutes,
    long TrainingMinutes,
    long InternalMeetingMinutes,
    long TravelMinutes,
    long TimeEntries,
    double? SellingShare);

/// <summary>The selling side of a span as the store reads it: seconds per activity type and the activities with and without a duration.</summary>
public sealed record SellingSeconds(long CallSeconds, long MeetingSeconds, long EmailSeconds, long Timed, long Untimed)
{
    public static SellingSeconds Empty { get; } = new(0, 0, 0, 0, 0);

    public long Total => CallSeconds + MeetingSeconds + EmailSeconds;
}

/// <summary>The non-selling side of a span: minutes per time-entry kind and the number of entries.</summary>
public sealed record NonSellingMinutes(long Admin, long Training, long InternalMeeting, long Travel, long Entries)
{
    public static NonSellingMinutes Empty { get; } = new(0, 0, 0, 0, 0);

    public long Total => Admin + Training + InternalMeeting + Travel;
}

public static class SellingTimeFigures
{
    public static SellingTime From(SellingSeconds selling, NonSellingMinutes nonSelling) => new(
        Minutes(selling.Total), Minutes(selling.CallSeconds), Minutes(selling.MeetingSeconds), Minutes(selling.EmailSeconds),
        selling.Timed, selling.Untimed,
        nonSelling.Total, nonSelling.Admin, nonSelling.Training, nonSelling.InternalMeeting, nonSelling.Travel, nonSelling.Entries,
        Ratio.Of(selling.Total, selling.Total + (nonSelling.Total * 60)));

    /// <summary>Seconds as minutes, to two decimal places (90 s → 1.5).</summary>
    private static double Minutes(long seconds) => Math.Round(seconds / 60.0, 2, MidpointRounding.AwayFromZero);
}

/// <summary>One rep's selling time over the whole window.</summary>
public sealed record SellingTimeRepRow(Guid UserId, string DisplayName, Guid? TeamId, SellingTime Values);

/// <summary>The figures of the selling time a drill-down lists the activities of.</summary>
public enum SellingTimeFigure
{
    SellingActivities,
    ActivitiesWithoutDuration,
}
