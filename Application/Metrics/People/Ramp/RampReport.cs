using SalesCrm.Domain.Quotas;

namespace SalesCrm.Application.Metrics.People.Ramp;

/// <summary>How reps are grouped into hiring cohorts: by the calendar month or quarter of their start date.</summary>
public enum RampCohort
{
    Month,
    Quarter,
}

public sealed record RampReport(RampCohort Cohort, DateOnly? From, DateOnly? To, IReadOnlyList<RampCohortRow> Cohorts, IReadOnlyList<RampRow> Reps);

/// <summary>
/// One rep's ramp: <see cref="StartedOn"/> (set by an admin, else the date the user was created: <see cref="StartedOnDefaulted"/>),
/// their first won deal since then and the whole days to it, and their first finished quota period at or above 100% and the
/// days from the start date to that period's end (its exclusive end date). Null while not reached.
/// </summary>
public sealed record RampRow(
    Guid UserId,
    string DisplayName,
    Guid? TeamId,
    DateOnly StartedOn,
    bool StartedOnDefaulted,
    DateTimeOffset? FirstWonAt,
    int? DaysToFirstWin,
    RampQuota? FirstQuotaAttained,
    int? DaysToQuota);

public sealed record RampQuota(Guid QuotaId, QuotaPeriod Period, DateOnly PeriodStart, DateOnly PeriodEnd, QuotaKind Kind, decimal Target, decimal Achieved, double? Attainment);

/// <summary>Reps who started in one month or quarter: how many reached a first win and a quota, and the median days to each (null with none).</summary>
public sealed record RampCohortRow(
    DateOnly CohortStart,
    DateOnly CohortEnd,
    int Reps,
    int RepsWithFirstWin,
    double? MedianDaysToFirstWin,
    int RepsReachedQuota,
    double? MedianDaysToQuota);
