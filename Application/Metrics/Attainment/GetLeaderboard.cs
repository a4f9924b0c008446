using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Quotas;

namespace SalesCrm.Application.Metrics.Attainment;

/// <summary>
/// Every non-admin user of the subject, reps with nothing included, ranked by one figure (highest first, nulls last).
/// Equal values share a rank (competition ranking: 1, 1, 3); within a rank reps are ordered by name.
/// </summary>
public sealed record GetLeaderboardQuery(
    DateOnly From, DateOnly To, Guid? TeamId = null, LeaderboardRanking RankBy = LeaderboardRanking.RevenueWon, int? Limit = null)
    : IQuery<LeaderboardReport>, IMetricQuery
{
    public const int MaxLimit = 1000;

    public Guid? UserId => null;

    public Bucket? Bucket => null;
}

public sealed class GetLeaderboardQueryHandler(MetricScopes scopes, IAttainmentMetricsStore store, TimeProvider clock)
    : IQueryHandler<GetLeaderboardQuery, LeaderboardReport>
{
    public async ValueTask<LeaderboardReport> Handle(GetLeaderboardQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, cancellationToken);
        var figures = await store.LeaderboardAsync(scope, cancellationToken);
        var quotas = await QuotaMeasure.MeasureAsync(store, scope, null, QuotaKind.Revenue, clock.Now(), cancellationToken);
        var attainment = quotas.GroupBy(q => q.UserId).ToDictionary(
            rep => rep.Key, rep => Ratio.Of((double)rep.Sum(q => q.Achieved), (double)rep.Sum(q => q.Target)));
        var rows = figures
            .Select(f => new LeaderboardRow(0, f.UserId, f.DisplayName, f.TeamId, f.RevenueWon, f.DealsWon, f.Activities, attainment.GetValueOrDefault(f.UserId)))
            .ToList();
        return new LeaderboardReport(scope.Context, query.RankBy, Rank(rows, query.RankBy).Take(query.Limit ?? int.MaxValue).ToList());
    }

    private static IEnumerable<LeaderboardRow> Rank(IEnumerable<LeaderboardRow> rows, LeaderboardRanking rankBy)
    {
        var sorted = rows
            .OrderBy(r => Key(r, rankBy) is null)
            .ThenByDescending(r => Key(r, rankBy))
            .ThenBy(r => r.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.UserId)
            .ToList();
        var rank = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i == 0 || Key(sorted[i], rankBy) != Key(sorted[i - 1], rankBy))
            {
                rank = i + 1;
            }

            yield return sorted[i] with { Rank = rank };
        }
    }

    private static decimal? Key(LeaderboardRow row, LeaderboardRanking rankBy) => rankBy switch
    {
        LeaderboardRanking.Attainment => row.Attainment is { } a ? (decimal)a : null,
        LeaderboardRanking.DealsWon => row.DealsWon,
        LeaderboardRanking.Activities => row.Activities,
        _ => row.RevenueWon,
    };
}

public sealed class GetLeaderboardQueryValidator : AbstractValidator<GetLeaderboardQuery>
{
    public GetLeaderboardQueryValidator()
    {
        this.AddWindowRules();
        RuleFor(x => x.RankBy).IsInEnum();
        RuleFor(x => x.Limit).InclusiveBetween(1, GetLeaderboardQuery.MaxLimit).When(x => x.Limit is not null)
            .WithMessage($"limit must be between 1 and {GetLeaderboardQuery.MaxLimit}.");
    }
}
