using SalesCrm.Domain.Pipelines;

namespace SalesCrm.Application.Metrics.Pipeline;

/// <summary>What a pipeline snapshot answered for, echoed back so a saved response explains itself.</summary>
public sealed record PipelineSnapshotContext(DateTimeOffset AsOf, Guid? PipelineId, Guid? TeamId, Guid? UserId, string TimeZone);

/// <summary>
/// The open opportunities as of one instant, rebuilt from the stage history: totals, every stage (empty ones
/// included) and every rep with open deals.
/// </summary>
public sealed record PipelineSnapshot(
    PipelineSnapshotContext Context, OpenPipelineTotals Totals, IReadOnlyList<StageSnapshot> ByStage, IReadOnlyList<RepSnapshot> ByRep);

/// <summary>Count and amount of open opportunities; weighted amount = Σ amount × stage probability / 100.</summary>
public sealed record OpenPipelineTotals(long Count, decimal Amount, decimal WeightedAmount);

/// <summary>One stage of the snapshot with its open deals and their current age in the stage (days, as of the snapshot).</summary>
public sealed record StageSnapshot(
    Guid PipelineId,
    Guid StageId,
    string Name,
    StageKind Kind,
    int Position,
    int Probability,
    long Count,
    decimal Amount,
    decimal WeightedAmount,
    double? AverageDaysInStage,
    double? MedianDaysInStage);

/// <summary>One rep's open deals in the snapshot (the owner as of the snapshot).</summary>
public sealed record RepSnapshot(Guid UserId, string DisplayName, long Count, decimal Amount, decimal WeightedAmount);

/// <summary>Days in stage over a span: one row per open stage, exits from it in the span with the time each deal had spent there.</summary>
public sealed record DaysInStageMetrics(IReadOnlyList<StageDays> Stages);

public sealed record StageDays(Guid PipelineId, Guid StageId, string Name, int Position, long Exits, double? AverageDays, double? MedianDays);

/// <summary>Stage conversion over a span: one row per open stage, entries in the span and what became of each.</summary>
public sealed record StageConversionMetrics(IReadOnlyList<StageConversion> Stages);

public sealed record StageConversion(
    Guid PipelineId,
    Guid StageId,
    string Name,
    int Position,
    long Entered,
    long Advanced,
    long Lost,
    long MovedBack,
    long StillIn,
    double? AdvancedRate,
    double? LostRate,
    double? MovedBackRate,
    double? StillInRate);

/// <summary>Where a stale deal's limit came from: the stage's own setting, or twice the stage's historical median.</summary>
public enum StaleLimitSource
{
    StageSetting,
    HistoricalMedian,
}

/// <summary>An open opportunity that has been in its current stage longer than the stage's limit.</summary>
public sealed record StaleDeal(
    Guid OpportunityId,
    string Name,
    Guid OwnerId,
    Guid StageId,
    string StageName,
    decimal Amount,
    DateTimeOffset StageEnteredAt,
    double DaysInStage,
    double LimitDays,
    StaleLimitSource LimitSource);

/// <summary>The figures of the pipeline metrics a drill-down can list the records of.</summary>
public enum PipelineFigure
{
    /// <summary>The open opportunities of a snapshot (as of <c>asOf</c>); value = the stage's probability.</summary>
    OpenOpportunities,

    /// <summary>The stage moves that left a stage in the window; value = days spent in the stage.</summary>
    StageExits,

    /// <summary>The stage moves that entered an open stage in the window; label = the entry's fate.</summary>
    StageEntries,
}

/// <summary>A stage as the pipeline metrics list it.</summary>
public sealed record StageInfo(
    Guid Id, Guid PipelineId, string Name, int Position, int Probability, StageKind Kind, int? StaleAfterDays, bool Archived);

/// <summary>An opportunity open at the snapshot instant: its stage then, when it entered it, and its owner then.</summary>
public sealed record OpenDeal(Guid OpportunityId, Guid OwnerId, string? OwnerName, Guid StageId, decimal Amount, DateTimeOffset EnteredAt);

/// <summary>A stage exit: the stage left, when the deal entered it (the move before) and when it left.</summary>
public sealed record StageExit(Guid StageId, DateTimeOffset EnteredAt, DateTimeOffset ExitedAt)
{
    public double Days => Common.Ratio.Days(EnteredAt, ExitedAt);
}

/// <summary>What became of an entry into a stage, judged by the move that next left it.</summary>
public enum EntryFate
{
    Advanced,
    Lost,
    MovedBack,
    StillIn,
}

/// <summary>An entry into an open stage and its fate.</summary>
public sealed record StageEntry(Guid StageId, DateTimeOffset EnteredAt, EntryFate Fate);

/// <summary>
/// The exits from one open stage in one span: how many, the total time spent in it (ms), and the middle exit by time
/// spent (the two middle ones for an even count), whose median is the median of all of them.
/// </summary>
public sealed record StageSpanExits(int SpanIndex, Guid StageId, long Exits, long TotalMs, IReadOnlyList<StageExit> Middle)
{
    public double? AverageDays => Common.Ratio.Of(TotalMs / (double)TimeSpan.MillisecondsPerDay, Exits);

    public double? MedianDays => Common.Ratio.Median(Middle.Select(e => e.Days));
}

/// <summary>The entries into one open stage in one span that met one fate.</summary>
public sealed record StageSpanEntries(int SpanIndex, Guid StageId, EntryFate Fate, long Count);

/// <summary>A stage's stale limit as an instant: its open deals that entered it before then are stale.</summary>
public sealed record StageLimit(Guid StageId, DateTimeOffset EnteredBefore);

/// <summary>An opportunity open now, in its current stage.</summary>
public sealed record CurrentDeal(Guid OpportunityId, string Name, Guid OwnerId, Guid StageId, decimal Amount, DateTimeOffset StageEnteredAt);
