using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Metrics.Attainment;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.Metrics.People.Ramp;

/// <summary>Ramp time of the subject's reps (optionally only those who started in [from, to)), and per hiring cohort.</summary>
public sealed record GetRampQuery(Guid? TeamId = null, Guid? UserId = null, RampCohort Cohort = RampCohort.Month, DateOnly? From = null, DateOnly? To = null)
    : IQuery<RampReport>;

public sealed class GetRampQueryHandler(
    MetricSubjects subjects, MetricScopes scopes, IPeopleMetricsStore store, IAttainmentMetricsStore attainment, ICurrentUser caller, TimeProvider clock)
    : IQueryHandler<GetRampQuery, RampReport>
{
    public async ValueTask<RampReport> Handle(GetRampQuery query, CancellationToken cancellationToken)
    {
        var subject = await subjects.ResolveAsync(query.TeamId, query.UserId, cancellationToken);
        var zone = await scopes.ZoneAsync(cancellationToken);
        var now = clock.Now();
        var reps = (await store.RampRepsAsync(subject, cancellationToken))
            .Select(r => (Rep: r, Start: r.StartedOn ?? MetricWindow.DateOf(r.CreatedAt, zone)))
            .Where(r => (query.From is null || r.Start >= query.From) && (query.To is null || r.Start < query.To))
            .ToList();
        if (reps.Count == 0)
        {
            return new RampReport(query.Cohort, query.From, query.To, [], []);
        }

        var firstWins = await store.FirstWinsAsync([.. reps.Select(r => (r.Rep.UserId, MetricWindow.StartOfDay(r.Start, zone)))], cancellationToken);
        var quotas = await FirstAttainedQuotasAsync([.. reps.Select(r => (r.Rep.UserId, r.Start))], zone, now, cancellationToken);
        var rows = reps.Select(r => Row(r.Rep, r.Start, firstWins, quotas.GetValueOrDefault(r.Rep.UserId), zone)).ToList();
        return new RampReport(query.Cohort, query.From, query.To, Cohorts(rows, query.Cohort), [.. rows.Where(r => MayList(r.UserId))]);
    }

    /// <summary>
    /// Each rep's first finished quota at or over target after their start (the store walks a rep's quotas in period order
    /// and stops at the first reached), measured as quota attainment measures it (<see cref="QuotaMeasure.Measure"/>: won
    /// revenue or deals in the period against the target). A finished period is whole months, so its figures are the sum of
    /// its months in the per-rep month rollup.
    /// </summary>
    private async Task<Dictionary<Guid, QuotaAttainmentRow>> FirstAttainedQuotasAsync(
        IReadOnlyList<(Guid UserId, DateOnly Start)> reps, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var attained = await attainment.FirstAttainedQuotasAsync(reps, MetricWindow.DateOf(now, zone), cancellationToken);
        return attained
            .Select(a => QuotaMeasure.Measure(
                a.Quota, a.Revenue, a.Deals, QuotaMeasure.PeriodSpan(0, a.Quota.PeriodStart, a.Quota.PeriodEnd, zone, now), zone, now))
            .Where(q => q.Attained && !q.InProgress)
            .ToDictionary(q => q.UserId);
    }

    private static RampRow Row(RampRep rep, DateOnly start, IReadOnlyDictionary<Guid, DateTimeOffset> firstWins, QuotaAttainmentRow? quota, TimeZoneInfo zone)
    {
        DateTimeOffset? firstWin = firstWins.TryGetValue(rep.UserId, out var at) ? at : null;
        return new RampRow(
            rep.UserId, rep.DisplayName, rep.TeamId, start, rep.StartedOn is null, firstWin,
            firstWin is { } won ? MetricWindow.DateOf(won, zone).DayNumber - start.DayNumber : null,
            quota is null ? null : new RampQuota(quota.QuotaId, quota.Period, quota.PeriodStart, quota.PeriodEnd, quota.Kind, quota.Target, quota.Achieved, quota.Attainment),
            quota is null ? null : quota.PeriodEnd.DayNumber - start.DayNumber);
    }

    private static List<RampCohortRow> Cohorts(IEnumerable<RampRow> rows, RampCohort cohort) =>
        [.. rows.GroupBy(r => CohortStart(r.StartedOn, cohort)).OrderBy(g => g.Key).Select(g =>
        {
            var wins = g.Where(r => r.DaysToFirstWin is not null).Select(r => (double)r.DaysToFirstWin!.Value).ToList();
            var quotas = g.Where(r => r.DaysToQuota is not null).Select(r => (double)r.DaysToQuota!.Value).ToList();
            return new RampCohortRow(
                g.Key, g.Key.AddMonths(cohort == RampCohort.Month ? 1 : 3), g.Count(), wins.Count, Ratio.Median(wins), quotas.Count, Ratio.Median(quotas));
        })];

    private static DateOnly CohortStart(DateOnly start, RampCohort cohort) =>
        cohort == RampCohort.Month ? new DateOnly(start.Year, start.Month, 1) : new DateOnly(start.Year, ((start.Month - 1) / 3 * 3) + 1, 1);

    /// <summary>A rep reading their team gets its cohorts but only their own row.</summary>
    private bool MayList(Guid userId) => caller.Role != Role.Rep || userId == caller.Id;
}

public sealed class GetRampQueryValidator : AbstractValidator<GetRampQuery>
{
    public GetRampQueryValidator()
    {
        RuleFor(x => x.Cohort).IsInEnum();
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("to must be after from (from is inclusive, to exclusive).");
    }
}
