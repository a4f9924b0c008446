using SalesCrm.Domain.Pipelines;

namespace SalesCrm.Domain.Opportunities;

/// <summary>Where an opportunity stands before a move: its pipeline, current stage and the times history must not precede.</summary>
public sealed record DealPosition(
    Guid PipelineId,
    Guid StageId,
    StageKind StageKind,
    DateTimeOffset CreatedAt,
    DateTimeOffset StageEnteredAt);

/// <summary>The stage a move asks for.</summary>
public sealed record StageTarget(Guid Id, Guid PipelineId, StageKind Kind, bool IsArchived);

/// <summary>Why a stage move is refused; each maps to one documented client error.</summary>
public enum StageMoveRefusal
{
    /// <summary>The stage belongs to another pipeline.</summary>
    OtherPipeline,

    /// <summary>The deal is already in that stage.</summary>
    AlreadyInStage,

    /// <summary>Archived stages cannot be entered.</summary>
    ArchivedStage,

    /// <summary>A closed deal (Won or Lost) can only be reopened into an open stage, not moved to the other closed stage.</summary>
    ClosedDeal,

    /// <summary>Lost needs a lost reason.</summary>
    LostNeedsReason,

    /// <summary>A lost reason only goes with a move to Lost.</summary>
    ReasonOnlyForLost,

    /// <summary>History cannot start before the opportunity existed.</summary>
    BeforeCreation,

    /// <summary>History is recorded oldest first: a move cannot precede the latest recorded one.</summary>
    BeforeLatestMove,
}

/// <summary>How the deal is closed after the move; <see cref="StageMoveDecision.Close"/> null means it is (or is again) open.</summary>
public sealed record DealClose(DateTimeOffset ClosedAt, Outcome Outcome, Guid? LostReasonId);

public sealed record StageMoveDecision(StageMoveRefusal? Refusal, DealClose? Close)
{
    public bool IsAllowed => Refusal is null;
}

/// <summary>
/// The rules of moving an opportunity through its pipeline: any stage of its own pipeline, forward or backward;
/// Won closes it as won at the move's time; Lost closes it as lost and needs a reason; a closed deal can only be
/// reopened into an open stage, which clears the close, the outcome and the lost reason.
/// </summary>
public static class StageMoveRules
{
    public static StageMoveDecision Decide(DealPosition deal, StageTarget target, Guid? lostReasonId, DateTimeOffset occurredAt)
    {
        var refusal = Refuse(deal, target, lostReasonId, occurredAt);
        if (refusal is not null)
        {
            return new StageMoveDecision(refusal, null);
        }

        var close = target.Kind switch
        {
            StageKind.Won => new DealClose(occurredAt, Outcome.Won, null),
            StageKind.Lost => new DealClose(occurredAt, Outcome.Lost, lostReasonId),
            _ => null,
        };
        return new StageMoveDecision(null, close);
    }

    private static StageMoveRefusal? Refuse(DealPosition deal, StageTarget target, Guid? lostReasonId, DateTimeOffset occurredAt)
    {
        if (target.PipelineId != deal.PipelineId)
        {
            return StageMoveRefusal.OtherPipeline;
        }

        if (target.Id == deal.StageId)
        {
            return StageMoveRefusal.AlreadyInStage;
        }

        if (target.IsArchived)
        {
            return StageMoveRefusal.ArchivedStage;
        }

        if (deal.StageKind.IsClosed() && target.Kind.IsClosed())
        {
            return StageMoveRefusal.ClosedDeal;
        }

        if (target.Kind == StageKind.Lost && lostReasonId is null)
        {
            return StageMoveRefusal.LostNeedsReason;
        }

        if (target.Kind != StageKind.Lost && lostReasonId is not null)
        {
            return StageMoveRefusal.ReasonOnlyForLost;
        }

        if (occurredAt < deal.CreatedAt)
        {
            return StageMoveRefusal.BeforeCreation;
        }

        return occurredAt < deal.StageEnteredAt ? StageMoveRefusal.BeforeLatestMove : null;
    }
}
