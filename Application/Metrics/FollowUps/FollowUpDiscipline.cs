namespace SalesCrm.Application.Metrics.FollowUps;

/// <summary>
/// Section B of docs/metrics.md for one span: how many completed follow-ups each forward stage move, each win and
/// each loss took, and whether follow-ups are completed by their due time. See docs/metrics/follow-ups.md.
/// </summary>
public sealed record FollowUpDiscipline(
    StageAdvanceFollowUps StageAdvances, FollowUpsBeforeWin BeforeWin, EarlyGiveUp EarlyGiveUp, FollowUpTimeliness Timeliness);

/// <summary>Forward stage moves in the span with the completed follow-ups spent in the stage left: overall and per stage left.</summary>
public sealed record StageAdvanceFollowUps(
    long Advances, double? AverageFollowUps, double? MedianFollowUps, FollowUpDistribution Distribution, IReadOnlyList<StageFollowUps> Stages);

/// <summary>The advances out of one stage (the stage left) and the completed follow-ups each needed.</summary>
public sealed record StageFollowUps(
    Guid StageId, string StageName, int Position, Guid PipelineId, long Advances, double? AverageFollowUps, double? MedianFollowUps,
    FollowUpDistribution Distribution);

/// <summary>How many advances needed 0, 1, 2, 3, 4, and 5 or more completed follow-ups.</summary>
public sealed record FollowUpDistribution(long Zero, long One, long Two, long Three, long Four, long FiveOrMore);

/// <summary>Deals won in the span and the completed follow-ups over each one's life (up to its close).</summary>
public sealed record FollowUpsBeforeWin(long DealsWon, double? AverageFollowUps, double? MedianFollowUps, long WonWithFiveOrMore, double? FiveOrMoreShare);

/// <summary>Deals lost in the span and the share of them with at most one completed follow-up over their life.</summary>
public sealed record EarlyGiveUp(long DealsLost, long LostWithAtMostOne, double? Rate);

/// <summary>Follow-ups completed in the span: how many by their due time, and how late the late ones were (hours).</summary>
public sealed record FollowUpTimeliness(
    long Completed, long OnTime, double? OnTimeRate, long Late, double? MedianLatenessHours, double? AverageLatenessHours);

/// <summary>The figures of section B a drill-down can list the records of.</summary>
public enum FollowUpFigure
{
    StageAdvances,
    WonDeals,
    LostDeals,
    EarlyGiveUps,
    CompletedFollowUps,
    LateFollowUps,
}
