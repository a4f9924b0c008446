namespace SalesCrm.Domain.FollowUps;

/// <summary>How the next touch is planned to happen.</summary>
public enum FollowUpChannel
{
    Call,
    Email,
    Meeting,
}

/// <summary>A follow-up is open until it is completed or cancelled; it is overdue while open and past due.</summary>
public enum FollowUpStatus
{
    Open,
    Completed,
    Cancelled,
}
