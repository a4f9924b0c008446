using System.Text.Json;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.People;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// Section F's ramp time and rep quadrant. A rep's first win is one seek per rep on ix_opportunities_owner_won (owner, close
/// time of live won deals); quarter revenue comes from the month rollup (owner_months), so both cost what the reps and window ask for.
/// </summary>
public sealed class PeopleMetricsStore(IDbConnectionFactory connections) : MetricStore(connections), IPeopleMetricsStore
{
    public static readonly Sql RampReps = new("""
        SELECT u.id AS UserId, u.display_name AS DisplayName, u.team_id AS TeamId, u.started_on AS StartedOn, u.created_at AS CreatedAt
        FROM users u
        WHERE (@SubjectUserId IS NOT NULL AND u.id = @SubjectUserId)
           OR (@SubjectUserId IS NULL AND u.role = 'rep' AND (@SubjectTeamId IS NULL OR u.team_id = @SubjectTeamId))
        ORDER BY u.display_name, u.id
        """);

    /// <summary>@Starts: a JSON array of {u: user id, fm: Unix ms, f: ISO instant}, the first instant of each rep's start date.</summary>
    public static readonly Sql FirstWins = new(
        """
        SELECT s.u AS UserId,
               (SELECT MIN(o.closed_at) FROM opportunities o
                WHERE o.owner_id = s.u AND o.outcome = 'won' AND o.deleted_at IS NULL AND o.closed_at >= s.f) AS FirstWonAt
        FROM (SELECT json_extract(r.value, '$.u') AS u, json_extract(r.value, '$.fm') AS f FROM json_each(@Starts) r) s
        """,
        """
        SELECT s.u AS UserId,
               (SELECT MIN(o.closed_at) FROM opportunities o
                WHERE o.owner_id = s.u AND o.outcome = 'won' AND o.deleted_at IS NULL AND o.closed_at >= s.f) AS FirstWonAt
        FROM OPENJSON(@Starts) WITH (u UNIQUEIDENTIFIER '$.u', f DATETIMEOFFSET(3) '$.f') s
        """);

    public static readonly Sql QuadrantReps = new("""
        SELECT u.id AS UserId, u.display_name AS DisplayName, u.team_id AS TeamId, t.name AS TeamName
        FROM users u
        JOIN teams t ON t.id = u.team_id
        WHERE u.role = 'rep' AND u.is_active = 1 AND (@TeamId IS NULL OR u.team_id = @TeamId)
        ORDER BY t.name, t.id, u.display_name, u.id
        """);

    /// <summary>
    /// Won revenue per span and rep from the month rollup (owner_months): the spans are quarters, whole months. For a team
    /// (or a rep), each member's months by ix_owner_months_owner_won, not every rep's months filtered.
    /// </summary>
    public static readonly SubjectSql WonRevenue = SubjectSql.SubjectOrMembers("m.owner_id", WonRevenueWhere);

    public async Task<IReadOnlyList<RampRep>> RampRepsAsync(MetricSubject subject, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<RampRepRow>(RampReps, new { SubjectUserId = subject.UserId, SubjectTeamId = subject.TeamId }, cancellationToken))
            .Select(r => new RampRep(r.UserId, r.DisplayName, r.TeamId, r.StartedOn, r.CreatedAt))];

    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> FirstWinsAsync(
        IReadOnlyList<(Guid UserId, DateTimeOffset From)> reps, CancellationToken cancellationToken)
    {
        var starts = JsonSerializer.Serialize(reps.Select(r => new Dictionary<string, object>
        {
            ["u"] = r.UserId.ToString("D"),
            ["fm"] = r.From.ToUnixTimeMilliseconds(),
            ["f"] = MetricSql.IsoInstant(r.From),
        }));
        var rows = await QueryAsync<FirstWinRow>(FirstWins, new { Starts = starts }, cancellationToken);
        return rows.Where(r => r.FirstWonAt is not null).ToDictionary(r => r.UserId, r => r.FirstWonAt!.Value);
    }

    public async Task<IReadOnlyList<QuadrantRep>> QuadrantRepsAsync(Guid? teamId, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<QuadrantRepRow>(QuadrantReps, new { TeamId = teamId }, cancellationToken))
            .Select(r => new QuadrantRep(r.UserId, r.DisplayName, r.TeamId, r.TeamName))];

    public async Task<IReadOnlyDictionary<(int Idx, Guid OwnerId), decimal>> WonRevenueAsync(MetricScope scope, CancellationToken cancellationToken) =>
        (await SpanQueryAsync<RevenueRow>(WonRevenue.For(scope.Subject), scope, DateTimeOffset.UtcNow, null, cancellationToken))
            .ToDictionary(r => (r.Idx, r.OwnerId), r => r.Revenue ?? 0);

    private static Sql WonRevenueWhere(string owners) => new($"""
        SELECT s.idx AS Idx, m.owner_id AS OwnerId, SUM(m.won_amount) AS Revenue
        FROM {"{spans}"} s
        JOIN owner_months m ON m.month >= s.from_day AND m.month < s.to_day
        WHERE s.idx > 0 AND m.won > 0 AND {owners}
        GROUP BY s.idx, m.owner_id
        """);

    private sealed class RampRepRow
    {
        public Guid UserId { get; init; }

        public string DisplayName { get; init; } = "";

        public Guid? TeamId { get; init; }

        public DateOnly? StartedOn { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed class FirstWinRow
    {
        public Guid UserId { get; init; }

        public DateTimeOffset? FirstWonAt { get; init; }
    }

    private sealed class QuadrantRepRow
    {
        public Guid UserId { get; init; }

        public string DisplayName { get; init; } = "";

        public Guid TeamId { get; init; }

        public string TeamName { get; init; } = "";
    }

    private sealed class RevenueRow
    {
        public int Idx { get; init; }

        public Guid OwnerId { get; init; }

        public decimal? Revenue { get; init; }
    }
}
