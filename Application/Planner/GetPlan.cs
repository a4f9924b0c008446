using System.Globalization;
using FluentValidation;
using Mediator;
using SalesCrm.Application.Calendar;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Planner;

namespace SalesCrm.Application.Planner;

/// <summary>
/// The activity planner (reverse funnel): from a month's goal in deals or revenue, the opportunities, held meetings and
/// outbound calls needed in the month and per working day, for the caller or a rep in their scope (404 outside it).
/// </summary>
public sealed record GetPlanQuery(
    string? Month,
    long? GoalDeals = null,
    decimal? GoalRevenue = null,
    Guid? UserId = null,
    decimal? DealsPerOpportunity = null,
    decimal? OpportunitiesPerMeeting = null,
    decimal? MeetingsPerCall = null,
    decimal? CallToDeal = null,
    decimal? AverageDealSize = null) : IQuery<PlannerReport>;

public sealed class GetPlanQueryHandler(
    ICurrentUser caller, MetricSubjects subjects, MetricScopes scopes, ICalendarStore calendar, IPlannerHistoryStore history, TimeProvider clock)
    : IQueryHandler<GetPlanQuery, PlannerReport>
{
    /// <summary>How many full months before the current one the rates are read from.</summary>
    public const int HistoryMonths = 6;

    public async ValueTask<PlannerReport> Handle(GetPlanQuery query, CancellationToken cancellationToken)
    {
        if (query.UserId is null && caller.IsIntegrationClient)
        {
            throw RequestValidationException.For("userId", "Integrations must say whose plan to make (userId).");
        }

        var subject = await subjects.ResolveAsync(null, query.UserId ?? caller.Id, cancellationToken);
        var repId = subject.UserId!.Value;
        var monthStart = PlannerMonths.Parse(query.Month!)!.Value;
        var monthEnd = monthStart.AddMonths(1);

        var zone = await scopes.ZoneAsync(cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var historyTo = new DateOnly(today.Year, today.Month, 1);
        var historyFrom = historyTo.AddMonths(-HistoryMonths);
        var rates = new PlannerRates(
            await history.HistoryAsync(repId, historyFrom, historyTo, cancellationToken),
            () => history.HistoryAsync(null, historyFrom, historyTo, cancellationToken));

        PlannerNeeds perMonth;
        try
        {
            perMonth = await FunnelAsync(query, rates);
        }
        catch (OverflowException)
        {
            throw RequestValidationException.For(
                query.GoalDeals is null ? "goalRevenue" : "goalDeals", "At these rates the goal needs more activity than can be counted; check the goal and the rates.");
        }

        var nonWorking = (await calendar.ListAsync(monthStart, monthEnd, cancellationToken))
            .Where(d => WorkingCalendar.IsWorkingWeekday(d.Date)).ToList();
        var workingDays = WorkingCalendar.WorkingDays(monthStart, monthEnd, nonWorking.Select(d => d.Date).ToHashSet()).Count;
        return new PlannerReport(
            repId, query.Month!, query.GoalDeals, query.GoalRevenue, workingDays, nonWorking, historyFrom, historyTo, rates.Used,
            perMonth, PerDay(perMonth, workingDays));
    }

    /// <summary>
    /// Deals from the goal; with <c>callToDeal</c> given, calls come from it alone and the opportunity and meeting steps
    /// are filled in only where their rates are known; otherwise every step's rate is needed.
    /// </summary>
    private static async Task<PlannerNeeds> FunnelAsync(GetPlanQuery query, PlannerRates rates)
    {
        var deals = query.GoalDeals is { } goalDeals
            ? goalDeals
            : ReverseFunnel.Needed(query.GoalRevenue!.Value, await rates.DealSizeAsync(query.AverageDealSize));
        if (query.CallToDeal is { } callToDeal)
        {
            var knownWinRate = await rates.FindRateAsync(PlannerRates.DealsPerOpportunity, query.DealsPerOpportunity, h => (h.Won, h.OpportunitiesCreated));
            var knownMeetingRate = knownWinRate is null ? null
                : await rates.FindRateAsync(PlannerRates.OpportunitiesPerMeeting, query.OpportunitiesPerMeeting, h => (h.OpportunitiesCreated, h.MeetingsHeld));
            rates.Used.Add(PlannerRates.Given(PlannerRates.CallToDeal, callToDeal));
            return new PlannerNeeds(
                deals,
                knownWinRate is { } win ? ReverseFunnel.Needed(deals, win) : null,
                knownWinRate is { } w && knownMeetingRate is { } meeting ? ReverseFunnel.Needed(deals, w, meeting) : null,
                ReverseFunnel.Needed(deals, callToDeal));
        }

        var winRate = await rates.RateAsync(PlannerRates.DealsPerOpportunity, query.DealsPerOpportunity, h => (h.Won, h.OpportunitiesCreated));
        var meetingRate = await rates.RateAsync(PlannerRates.OpportunitiesPerMeeting, query.OpportunitiesPerMeeting, h => (h.OpportunitiesCreated, h.MeetingsHeld));
        var callRate = await rates.RateAsync(PlannerRates.MeetingsPerCall, query.MeetingsPerCall, h => (h.MeetingsHeld, h.OutboundCalls));
        return new PlannerNeeds(
            deals, ReverseFunnel.Needed(deals, winRate), ReverseFunnel.Needed(deals, winRate, meetingRate), ReverseFunnel.Needed(deals, winRate, meetingRate, callRate));
    }

    private static PlannerNeeds? PerDay(PlannerNeeds month, int workingDays) => workingDays == 0 ? null : new PlannerNeeds(
        ReverseFunnel.PerDay(month.Deals, workingDays)!.Value,
        month.Opportunities is { } opportunities ? ReverseFunnel.PerDay(opportunities, workingDays) : null,
        month.Meetings is { } meetings ? ReverseFunnel.PerDay(meetings, workingDays) : null,
        ReverseFunnel.PerDay(month.Calls, workingDays)!.Value);
}

/// <summary>The months a plan can be made for: <c>yyyy-MM</c>, at most five years either side of the current month.</summary>
public static class PlannerMonths
{
    public const int MaxMonthsAway = 60;

    public static DateOnly? Parse(string? month) =>
        DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ? start : null;

    public static bool IsNear(DateOnly month, DateTimeOffset now)
    {
        var away = ((month.Year - now.UtcDateTime.Year) * 12) + month.Month - now.UtcDateTime.Month;
        return Math.Abs(away) <= MaxMonthsAway;
    }
}

public sealed class GetPlanQueryValidator : AbstractValidator<GetPlanQuery>
{
    private const string RateMessage = "{PropertyName} must be a fraction above 0 and at most 1 (0.05 for 5%).";

    public GetPlanQueryValidator(TimeProvider clock)
    {
        RuleFor(x => x.Month).Must(m => PlannerMonths.Parse(m) is { } start && PlannerMonths.IsNear(start, clock.GetUtcNow()))
            .WithMessage(x => PlannerMonths.Parse(x.Month) is null
                ? "month is required: the month to plan, as yyyy-MM (2027-01)."
                : $"month must be at most {PlannerMonths.MaxMonthsAway} months from the current month.");
        RuleFor(x => x.GoalDeals).Must((q, _) => q.GoalDeals is null != q.GoalRevenue is null)
            .WithMessage("Give exactly one goal: goalDeals (won deals) or goalRevenue (won revenue) for the month.");
        RuleFor(x => x.GoalDeals).InclusiveBetween(1L, 100_000L)
            .When(x => x.GoalDeals is not null).WithMessage("goalDeals must be a whole number of deals above 0, at most 100,000.");
        RuleFor(x => x.GoalRevenue).Must(r => r > 0 && r <= Domain.Quotas.QuotaPeriods.MaxRevenueTarget)
            .When(x => x.GoalRevenue is not null).WithMessage("goalRevenue must be above 0, at most 1,000,000,000,000.");
        RuleFor(x => x.AverageDealSize).Must(r => r > 0 && r <= Domain.Quotas.QuotaPeriods.MaxRevenueTarget)
            .When(x => x.AverageDealSize is not null).WithMessage("averageDealSize must be above 0.");
        RuleFor(x => x.DealsPerOpportunity).Must(IsRate).WithMessage(RateMessage);
        RuleFor(x => x.OpportunitiesPerMeeting).Must(IsRate).WithMessage(RateMessage);
        RuleFor(x => x.MeetingsPerCall).Must(IsRate).WithMessage(RateMessage);
        RuleFor(x => x.CallToDeal).Must(IsRate).WithMessage(RateMessage);
    }

    private static bool IsRate(decimal? rate) => rate is null || (rate > 0 && rate <= 1);
}
