using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Quotas;

namespace SalesCrm.Application.Metrics.Attainment;

/// <summary>
/// One quota measured: what its rep won in the quota's own period (in the organisation's zone, up to now while the
/// period runs), against the target. Revenue quotas count the won amount, deal quotas the number of won deals.
/// <see cref="InProgress"/>: now is inside the period, so the figures are to date; <see cref="MeasuredTo"/>: the end of what was
/// counted (the period's end, now while it runs, its start for a period still to come).
/// </summary>
public sealed record QuotaAttainmentRow(
    Guid QuotaId,
    Guid UserId,
    string DisplayName,
    QuotaPeriod Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    QuotaKind Kind,
    decimal Target,
    decimal Achieved,
    decimal RevenueWon,
    long DealsWon,
    double? Attainment,
    bool Attained,
    bool InProgress,
    DateTimeOffset MeasuredTo);

/// <summary>How many quotas (and reps) of the window reached 100%.</summary>
public sealed record QuotaAttainmentSummary(
    long Quotas, long QuotasAtOrAbove, double? ShareAtOrAbove, long RepsWithQuota, long RepsAtOrAbove, double? RepShareAtOrAbove)
{
    public static QuotaAttainmentSummary Of(IReadOnlyCollection<QuotaAttainmentRow> rows)
    {
        var attained = rows.Count(r => r.Attained);
        var reps = rows.GroupBy(r => r.UserId).ToList();
        var repsAttained = reps.Count(rep => rep.All(r => r.Attained));
        return new QuotaAttainmentSummary(
            rows.Count, attained, Ratio.Of(attained, rows.Count), reps.Count, repsAttained, Ratio.Of(repsAttained, reps.Count));
    }
}

public sealed record QuotaAttainmentReport(MetricContext Context, QuotaAttainmentSummary Summary, IReadOnlyList<QuotaAttainmentRow> Quotas);

/// <summary>Outbound calls → meetings booked → deals won in one span, with the conversion rates between them.</summary>
public sealed record ThreeNumberFunnel(
    long OutboundCalls, long MeetingsBooked, long DealsWon, double? CallToMeetingRate, double? MeetingToDealRate, double? CallToDealRate)
{
    public static ThreeNumberFunnel Of(long outboundCalls, long meetingsBooked, long dealsWon) => new(
        outboundCalls, meetingsBooked, dealsWon,
        Ratio.Of(meetingsBooked, outboundCalls), Ratio.Of(dealsWon, meetingsBooked), Ratio.Of(dealsWon, outboundCalls));
}

/// <summary>The figures of the three-number funnel a drill-down can list the records of.</summary>
public enum FunnelFigure
{
    OutboundCalls,
    MeetingsBooked,
    DealsWon,
}

/// <summary>What a leaderboard ranks reps by.</summary>
public enum LeaderboardRanking
{
    RevenueWon,
    Attainment,
    DealsWon,
    Activities,
}

/// <summary>
/// One rep's place: revenue and deals won and activities logged in the window, and attainment over the revenue
/// quotas whose period starts in the window (Σ achieved / Σ target; null without any).
/// </summary>
public sealed record LeaderboardRow(
    int Rank, Guid UserId, string DisplayName, Guid? TeamId, decimal RevenueWon, long DealsWon, long Activities, double? Attainment);

public sealed record LeaderboardReport(MetricContext Context, LeaderboardRanking RankBy, IReadOnlyList<LeaderboardRow> Reps);

/// <summary>A quota of the window as the store reads it, before it is measured.</summary>
public sealed record QuotaInWindow(
    Guid QuotaId, Guid UserId, string DisplayName, QuotaPeriod Period, DateOnly PeriodStart, DateOnly PeriodEnd, QuotaKind Kind, decimal Target);

/// <summary>What one rep won in one span (a quota period, or the window).</summary>
public sealed record WonDeals(int Idx, Guid OwnerId, decimal Revenue, long Deals);

/// <summary>A quota with the revenue and deals its rep won in its period.</summary>
public sealed record QuotaWon(QuotaInWindow Quota, decimal Revenue, long Deals);

/// <summary>A rep's raw leaderboard figures over the window, before attainment and ranking are added.</summary>
public sealed record LeaderboardFigures(Guid UserId, string DisplayName, Guid? TeamId, decimal RevenueWon, long DealsWon, long Activities);
