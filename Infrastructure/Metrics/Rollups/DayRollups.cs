using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// Every day rollup: tables (or columns) of per-day figures in the organisation's zone, kept exact by triggers in the same
/// transaction as the records they summarise, so a metric reads days instead of records. Each rollup lists the statements
/// that clear and rebuild it from its records, a name and a definition version.
/// <para>
/// <see cref="MetricCalendar.EnsureAsync"/> runs at start-up (after the migrations) and rebuilds, in this order, only the
/// rollups whose version differs from the one recorded in <c>metric_rollup_versions</c> when they were last built (or that
/// were never built), and every rollup when the organisation's zone changes. So an unrelated migration costs no rebuild.
/// </para>
/// <para>
/// When you change what a rollup holds (its table, its triggers or its rebuild statements) bump its <c>Version</c> in the
/// same change; a new rollup is a new class with version 1 added here, after the rollups whose columns it reads (a rollup
/// reading another's columns follows a rebuild of those through its own triggers, as the rebuilds write by UPDATE).
/// </para>
/// </summary>
public static class DayRollups
{
    public static readonly IReadOnlyList<DayRollup> All =
    [
        new(ActivityDayRollup.Name, ActivityDayRollup.Version, ActivityDayRollup.Statements),
        new(FollowUpDayRollup.Name, FollowUpDayRollup.Version, FollowUpDayRollup.Statements),
        new(OpportunityDayRollup.Name, OpportunityDayRollup.Version, OpportunityDayRollup.Statements),
        new(StageMoveRollup.Name, StageMoveRollup.Version, StageMoveRollup.Statements),
        new(StageDayRollup.Name, StageDayRollup.Version, StageDayRollup.Statements),
        new(LostReasonDayRollup.Name, LostReasonDayRollup.Version, LostReasonDayRollup.Statements),
        new(LeadFirstActivity.Name, LeadFirstActivity.Version, LeadFirstActivity.Statements),
        new(StageAdvanceDayRollup.Name, StageAdvanceDayRollup.Version, StageAdvanceDayRollup.Statements),
        new(SellingTimeDayRollup.Name, SellingTimeDayRollup.Version, SellingTimeDayRollup.Statements),
        new(OwnerMonthRollup.Name, OwnerMonthRollup.Version, OwnerMonthRollup.Statements),
        new(FollowUpOutcomeDayRollup.Name, FollowUpOutcomeDayRollup.Version, FollowUpOutcomeDayRollup.Statements),
        new(LeadDayRollup.Name, LeadDayRollup.Version, LeadDayRollup.Statements),
        new(PipelineTotalsRollup.Name, PipelineTotalsRollup.Version, PipelineTotalsRollup.Statements),
        new(WonCycleDayRollup.Name, WonCycleDayRollup.Version, WonCycleDayRollup.Statements),
        new(StageTimeMonthRollup.Name, StageTimeMonthRollup.Version, StageTimeMonthRollup.Statements),
        new(QualifiedLeadDayRollup.Name, QualifiedLeadDayRollup.Version, QualifiedLeadDayRollup.Statements),
        new(StageExitHourRollup.Name, StageExitHourRollup.Version, StageExitHourRollup.Statements),
    ];

    /// <summary>Every rollup's statements in order: a full rebuild.</summary>
    public static readonly IReadOnlyList<Sql> Rebuild = [.. All.SelectMany(r => r.Statements)];
}
