using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// Every day rollup: tables of per-day figures in the organisation's zone, kept exact by triggers in the same transaction
/// as the records they summarise, so a metric reads days instead of records. Each rollup lists the statements that clear
/// and rebuild it from its records (they run in order, after the calendar is filled): <see cref="MetricCalendar"/> runs
/// them when the zone changes and after a migration.
/// </summary>
public static class DayRollups
{
    public static readonly IReadOnlyList<Sql> Rebuild =
    [
        .. ActivityDayRollup.Statements,
        .. FollowUpDayRollup.Statements,
        .. OpportunityDayRollup.Statements,
        .. StageMoveRollup.Statements,
        .. StageDayRollup.Statements,
        .. LostReasonDayRollup.Statements,
        .. LeadFirstActivity.Statements,
    ];
}
