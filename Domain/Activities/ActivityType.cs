namespace SalesCrm.Domain.Activities;

/// <summary>The kinds of logged sales work that share the activity timeline.</summary>
public enum ActivityType
{
    Call,
    Email,
    Meeting,
    Note,
}

/// <summary>Who started the conversation: the rep (<c>outbound</c>) or the other side (<c>inbound</c>).</summary>
public enum ActivityDirection
{
    Outbound,
    Inbound,
}

public enum CallOutcome
{
    Connected,
    NoAnswer,
    Voicemail,
    Busy,
    WrongNumber,
}

public enum MeetingOutcome
{
    Scheduled,
    Held,
    NoShow,
    Cancelled,
}

/// <summary>Every outcome an activity can carry: the call outcomes followed by the meeting outcomes.</summary>
public enum ActivityOutcome
{
    Connected,
    NoAnswer,
    Voicemail,
    Busy,
    WrongNumber,
    Scheduled,
    Held,
    NoShow,
    Cancelled,
}
