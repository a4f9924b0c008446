namespace SalesCrm.Application.Metrics.Common;

/// <summary>What kind of record an explain row points at; each has its own endpoint to open it.</summary>
public enum MetricRecordKind
{
    Activity,
    FollowUp,
    Opportunity,
    StageMove,
    Lead,
}

/// <summary>
/// One record a metric counted, as its explain drill-down lists it: what it is, its id (open it with the record's
/// own endpoint), the instant that placed it in the window, its owner, a label, and the amount or value it added.
/// </summary>
public sealed record MetricRecord(
    MetricRecordKind Kind, Guid Id, DateTimeOffset At, Guid OwnerId, string? Label, decimal? Amount, double? Value, Guid? OpportunityId);
