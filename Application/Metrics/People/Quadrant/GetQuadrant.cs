using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.People;
using SalesCrm.Domain.People;
using SalesCrm.Domain.Quotas;

namespace SalesCrm.Application.Metrics.People.Quadrant;

/// <summary>The rep quadrant of each team in scope: the given quarter against the one before.</summary>
public sealed record GetQuadrantQuery(DateOnly Quarter, Guid? TeamId = null) : IQuery<QuadrantReport>;

public sealed class GetQuadrantQueryHandler(
    MetricSubjects subjects, MetricScopes scopes, IAccessCache access, IPeopleMetricsStore store, ICurrentUser caller)
    : IQueryHandler<GetQuadrantQuery, QuadrantReport>
{
    public async ValueTask<QuadrantReport> Handle(GetQuadrantQuery query, CancellationToken cancellationToken)
    {
        var previous = query.Quarter.AddMonths(-3);
        var subject = await subjects.ResolveAsync(query.TeamId, null, cancellationToken);
        var teamId = subject.UserId is { } repId ? (await access.GetUserAsync(repId, cancellationToken))?.TeamId : subject.TeamId;
        if (subject.UserId is not null && teamId is null)
        {
            return new QuadrantReport(query.Quarter, previous, []);
        }

        var reps = await store.QuadrantRepsAsync(teamId, cancellationToken);
        var scope = Quarters(new MetricSubject(teamId, null), previous, query.Quarter, await scopes.ZoneAsync(cancellationToken));
        var won = await store.WonRevenueAsync(scope, cancellationToken);
        var teams = reps.GroupBy(r => (r.TeamId, r.TeamName)).Select(team =>
        {
            var revenue = team.ToDictionary(r => r.UserId, r => (Now: won.GetValueOrDefault((2, r.UserId)), Before: won.GetValueOrDefault((1, r.UserId))));
            var median = Ratio.Median(revenue.Values.Select(v => v.Now)) ?? 0m;
            var members = team.Where(r => MayList(r.UserId)).Select(r =>
            {
                var (now, before) = revenue[r.UserId];
                return new QuadrantRow(r.UserId, r.DisplayName, now, before, now - before, now >= median, now > before, RepQuadrants.Of(now, before, median));
            }).ToList();
            return new QuadrantTeam(team.Key.TeamId, team.Key.TeamName, revenue.Count, median, members);
        }).ToList();
        return new QuadrantReport(query.Quarter, previous, teams);
    }

    /// <summary>Span 1 is the previous quarter, span 2 the given one; span 0 covers both.</summary>
    private static MetricScope Quarters(MetricSubject subject, DateOnly previous, DateOnly quarter, TimeZoneInfo zone)
    {
        var whole = MetricScope.Create(subject, null, previous, quarter.AddMonths(3), null, zone);
        var before = MetricWindow.Create(previous, quarter, zone);
        var now = MetricWindow.Create(quarter, quarter.AddMonths(3), zone);
        return whole with
        {
            Spans = [whole.Whole, new MetricSpan(1, before.From, before.To, before.FromUtc, before.ToUtc), new MetricSpan(2, now.From, now.To, now.FromUtc, now.ToUtc)],
        };
    }

    /// <summary>A rep sees their team's median but only their own row.</summary>
    private bool MayList(Guid userId) => caller.Role != Role.Rep || userId == caller.Id;
}

public sealed class GetQuadrantQueryValidator : AbstractValidator<GetQuadrantQuery>
{
    public GetQuadrantQueryValidator() =>
        RuleFor(x => x.Quarter)
            .Must(q => QuotaPeriods.IsPeriodStart(QuotaPeriod.Quarter, q) && q > MetricWindow.EarliestDate && q < MetricWindow.LatestDate)
            .WithMessage("quarter must be the first day of a quarter (1 January, April, July or October), from 1970-04-01 on.");
}
