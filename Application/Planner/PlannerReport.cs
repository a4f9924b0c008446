using SalesCrm.Application.Calendar;

namespace SalesCrm.Application.Planner;

/// <summary>Where a rate the planner used came from: the request, the rep's own history, or the organisation's.</summary>
public enum RateSource
{
    Given,
    RepHistory,
    Organisation,
}

/// <summary>
/// A rate the plan used (4 decimal places; <c>averageDealSize</c> is money), where it came from and, for a rate from
/// history, the counts behind it (numerator / denominator; for the deal size: won amount / won deals).
/// </summary>
public sealed record PlannerRate(string Name, decimal Value, RateSource Source, decimal? Numerator, long? Denominator);

/// <summary>
/// What is needed to reach the goal: deals, opportunities, held meetings and outbound calls. Opportunities and meetings
/// are null when <c>callToDeal</c> was given and no rate for that step was given or found in any history.
/// </summary>
public sealed record PlannerNeeds(long Deals, long? Opportunities, long? Meetings, long Calls);

/// <summary>
/// The reverse funnel for one rep and month: the goal, the month's working days (and the non-working days that removed
/// weekdays from it), the rates used, the history window they were read from, and the needs per month and per working day
/// (null when the month has no working day).
/// </summary>
public sealed record PlannerReport(
    Guid UserId,
    string Month,
    long? GoalDeals,
    decimal? GoalRevenue,
    int WorkingDays,
    IReadOnlyList<NonWorkingDayDto> NonWorkingDays,
    DateOnly HistoryFrom,
    DateOnly HistoryTo,
    IReadOnlyList<PlannerRate> Rates,
    PlannerNeeds PerMonth,
    PlannerNeeds? PerWorkingDay);

/// <summary>What a rep (or the organisation) did over the history window: the counts behind every rate.</summary>
public sealed record PlannerHistory(long OutboundCalls, long MeetingsHeld, long OpportunitiesCreated, long Won, decimal WonAmount);
