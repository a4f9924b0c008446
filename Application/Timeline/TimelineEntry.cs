using SalesCrm.Application.Activities;
using SalesCrm.Application.FollowUps;

namespace SalesCrm.Application.Timeline;

/// <summary>
/// What a timeline entry records. When several entries share a time, they are listed in the reverse of this order
/// (a stage move before the follow-up completed with it, before the activity that led to it).
/// </summary>
public enum TimelineEntryKind
{
    Activity,
    FollowUpCreated,
    FollowUpCompleted,
    StageMove,
}

/// <summary>
/// One thing that happened to a lead, contact, account or opportunity, at <c>occurredAt</c>. Exactly one of
/// <c>activity</c>, <c>followUp</c> (for follow-up entries: the follow-up as it is now) or <c>stageMove</c> is set.
/// </summary>
public sealed record TimelineEntry(
    TimelineEntryKind Kind,
    DateTimeOffset OccurredAt,
    ActivityDto? Activity = null,
    FollowUpDto? FollowUp = null,
    StageMoveEntry? StageMove = null);

/// <summary>An opportunity entering a stage (the first entry, without a from-stage, is its creation).</summary>
public sealed record StageMoveEntry(
    Guid Id,
    Guid? FromStageId,
    string? FromStageName,
    Guid ToStageId,
    string ToStageName,
    Guid MovedBy,
    DateTimeOffset OccurredAt);
