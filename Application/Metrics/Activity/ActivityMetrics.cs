namespace SalesCrm.Application.Metrics.Activity;

/// <summary>
/// Section A of docs/metrics.md for one span. Calls, emails and held meetings count by when they happened; a meeting
/// counts as booked when it was recorded, or at its start when recorded afterwards (imported history); opportunities
/// by creation; follow-ups completed by completion time, due and overdue by due time (overdue: due before now, still open).
/// </summary>
public sealed record ActivityMetrics(
    long Calls,
    long OutboundCalls,
    long InboundCalls,
    long ConnectedCalls,
    double? ConnectRate,
    long EmailsSent,
    long EmailReplies,
    double? ReplyRate,
    long MeetingsBooked,
    long MeetingsHeld,
    double? AppointmentRate,
    long OpportunitiesCreated,
    double? OpportunitiesPer1000Calls,
    long Notes,
    long FollowUpsCompleted,
    long FollowUpsDue,
    long FollowUpsOverdue);

/// <summary>The raw counts of one span, as the store reads them; <see cref="ToMetrics"/> adds the ratios.</summary>
public sealed record ActivityCounts(
    long OutboundCalls,
    long InboundCalls,
    long ConnectedCalls,
    long EmailsSent,
    long EmailReplies,
    long MeetingsBooked,
    long MeetingsHeld,
    long OpportunitiesCreated,
    long Notes,
    long FollowUpsCompleted,
    long FollowUpsDue,
    long FollowUpsOverdue)
{
    public static ActivityCounts Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public ActivityMetrics ToMetrics()
    {
        var calls = OutboundCalls + InboundCalls;
        return new ActivityMetrics(
            calls, OutboundCalls, InboundCalls, ConnectedCalls, Common.Ratio.Of(ConnectedCalls, calls),
            EmailsSent, EmailReplies, Common.Ratio.Of(EmailReplies, EmailsSent),
            MeetingsBooked, MeetingsHeld, Common.Ratio.Of(MeetingsBooked, OutboundCalls),
            OpportunitiesCreated, Common.Ratio.Of(OpportunitiesCreated * 1000.0, OutboundCalls),
            Notes, FollowUpsCompleted, FollowUpsDue, FollowUpsOverdue);
    }
}

/// <summary>The part of a span's counts read from the day rollups alone: calls, emails, meetings and notes.</summary>
public sealed record LoggedActivityCounts(
    long OutboundCalls, long InboundCalls, long ConnectedCalls, long EmailsSent, long EmailReplies, long MeetingsBooked, long MeetingsHeld, long Notes)
{
    public static LoggedActivityCounts Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>One rep's activity mix: how many of each activity type they logged in the window.</summary>
public sealed record ActivityMixRow(Guid UserId, string DisplayName, Guid? TeamId, long Calls, long Emails, long Meetings, long Notes, long Total);

/// <summary>The figures of section A a drill-down can list the records of.</summary>
public enum ActivityFigure
{
    Calls,
    OutboundCalls,
    InboundCalls,
    ConnectedCalls,
    EmailsSent,
    EmailReplies,
    MeetingsBooked,
    MeetingsHeld,
    OpportunitiesCreated,
    Notes,
    FollowUpsCompleted,
    FollowUpsDue,
    FollowUpsOverdue,
}
