using System.Text.Json;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Attainment;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Quotas;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// Section D's quota attainment, three-number funnel (deals won; calls and meetings come from the activity store) and
/// leaderboard. A deal is won in a span when its outcome is won and its close time is in the span (shared definition).
/// </summary>
public sealed class AttainmentMetricsStore(IDbConnectionFactory connections) : MetricStore(connections), IAttainmentMetricsStore
{
    private const string Won = "o.outcome = 'won' AND o.deleted_at IS NULL";

    public static readonly Sql Quotas = new($"""
        SELECT q.id AS QuotaId, q.user_id AS UserId, u.display_name AS DisplayName, q.period AS Period, q.period_start AS PeriodStart,
               q.period_end AS PeriodEnd, q.kind AS Kind, q.target AS Target
        FROM quotas q
        JOIN users u ON u.id = q.user_id
        WHERE q.deleted_at IS NULL AND {MetricSql.Subject("q.user_id")}
          AND q.period_start >= @WindowFromDay AND q.period_start < @WindowToDay
          AND (@Period IS NULL OR q.period = @Period)
          AND (@Kind IS NULL OR q.kind = @Kind)
        ORDER BY q.period_start, u.display_name, q.id
        """);

    /// <summary>
    /// Won deals per span and owner over each span's whole local days, from the day rollup (opportunity_days, kept exact
    /// by triggers). Span 0 (the request's window) is skipped: the spans after it are quota periods. For a rep or a team
    /// the members drive the read through ix_opportunity_days_owner, so a rep's years of quotas read only their own days.
    /// </summary>
    public static readonly SubjectSql WonPerSpanAndOwner = SubjectSql.Owners(
        "d.owner_id", owners => new(WonPerSpanAndOwnerWhere(owners ?? $"d.owner_id <> @OrganisationOwner AND {MetricSql.Subject("d.owner_id")}")));

    /// <summary>
    /// Each rep's first finished quota after their start whose positive target was reached (@Starts: a JSON array of
    /// {u: user id, d: start date}), with the revenue and deals won in its whole months (owner_months: seeks into the covering
    /// index of 0037). A rep's quotas are walked in period order by ix_quotas_user_end (0044) and the walk stops at the first
    /// reached, so the read costs what the reps took to reach a quota, not the years of quotas after it.
    /// </summary>
    public static readonly Sql FirstAttainedQuotas = new(
        FirstAttainedQuotasText(
            "(SELECT json_extract(r.value, '$.u') AS u, json_extract(r.value, '$.d') AS d FROM json_each(@Starts) r) s",
            first => $"JOIN quotas q ON q.id = (SELECT f.id FROM quotas f WHERE {first} ORDER BY f.period_end, f.period_start LIMIT 1)",
            " * 10000"),
        FirstAttainedQuotasText(
            "OPENJSON(@Starts) WITH (u UNIQUEIDENTIFIER '$.u', d DATE '$.d') s",
            first => $"CROSS APPLY (SELECT TOP (1) f.id FROM quotas f WHERE {first} ORDER BY f.period_end, f.period_start) fq JOIN quotas q ON q.id = fq.id",
            ""));

    /// <summary>Won deals per span and owner between the instants of each span, from the records: the part of a running period from the start of today up to now.</summary>
    public static readonly Sql WonPerSpanAndOwnerSinceDayStart = new($"""
        SELECT s.idx AS Idx, o.owner_id AS OwnerId, SUM(o.amount) AS Revenue, COUNT(*) AS Deals
        FROM {"{spans}"} s
        JOIN opportunities o ON o.closed_at >= s.from_at AND o.closed_at < s.to_at
        WHERE s.idx > 0 AND {Won} AND {MetricSql.Subject("o.owner_id")}
        GROUP BY s.idx, o.owner_id
        """);

    /// <summary>Deals won per span (whole local days), from the day rollup.</summary>
    public static readonly Sql DealsWonPerSpan = new($"""
        SELECT s.idx AS Idx, SUM(d.won) AS Deals
        FROM {"{spans}"} s
        JOIN opportunity_days d ON d.day >= s.from_day AND d.day < s.to_day
        WHERE {MetricSql.RollupOwners("d.owner_id")}
        GROUP BY s.idx
        HAVING SUM(d.won) > 0
        """);

    /// <summary>
    /// Revenue and deals won and activities (every type) per rep over the window's local days: its whole months from the month
    /// rollup (owner_months), the days around them from the opportunity and activity day rollups (days with a win only).
    /// </summary>
    public static readonly Sql Leaderboard = new($"""
        SELECT u.id AS UserId, u.display_name AS DisplayName, u.team_id AS TeamId, f.RevenueWon AS RevenueWon, f.DealsWon AS DealsWon,
               f.Activities AS Activities
        FROM users u
        LEFT JOIN (SELECT p.owner_id AS OwnerId, SUM(p.won_amount) AS RevenueWon, SUM(p.won) AS DealsWon, SUM(p.activities) AS Activities
                   FROM (SELECT m.owner_id, m.won_amount, m.won, m.calls + m.emails + m.meetings + m.notes AS activities
                         FROM owner_months m
                         WHERE m.month >= @MonthsFrom AND m.month < @MonthsTo AND {MetricSql.Subject("m.owner_id")}
                         UNION ALL
                         SELECT d.owner_id, d.won_amount, d.won, 0
                         FROM {OwnerMonthWindow.EdgeDays} e
                         JOIN opportunity_days d ON d.day >= e.from_day AND d.day < e.to_day
                         WHERE d.won > 0 AND d.owner_id <> @OrganisationOwner AND {MetricSql.Subject("d.owner_id")}
                         UNION ALL
                         SELECT ad.owner_id, 0, 0, ad.outbound_calls + ad.inbound_calls + ad.emails_sent + ad.emails_received + ad.meetings + ad.notes
                         FROM {OwnerMonthWindow.EdgeDays} e
                         JOIN activity_days ad ON ad.day >= e.from_day AND ad.day < e.to_day
                         WHERE ad.owner_id <> @OrganisationOwner AND {MetricSql.Subject("ad.owner_id")}) p
                   GROUP BY p.owner_id) f ON f.OwnerId = u.id
        WHERE u.role <> 'admin' AND {MetricSql.Subject("u.id")}
        """);

    /// <summary>
    /// The deals won in the window from the cursor on (the funnel's deals won, a quota's drill-down): the organisation's in close
    /// order from ix_opportunities_won_deals, a rep's or team's merged from each member's range of ix_opportunities_owner_won.
    /// </summary>
    public static readonly SubjectSql ExplainWon = ExplainRecords(
        "'opportunity' AS Kind, o.id AS Id, o.closed_at AS At, o.owner_id AS OwnerId, o.name AS Label, o.amount AS Amount, NULL AS Value, o.id AS OpportunityId",
        "opportunities", "o", "o.closed_at", Won);

    public async Task<IReadOnlyList<QuotaInWindow>> QuotasAsync(MetricScope scope, QuotaPeriod? period, QuotaKind? kind, CancellationToken cancellationToken)
    {
        var extra = new { Period = period?.ToString().ToLowerInvariant(), Kind = kind?.ToString().ToLowerInvariant() };
        return [.. (await SpanQueryAsync<QuotaRow>(Quotas, scope, DateTimeOffset.UtcNow, extra, cancellationToken)).Select(r => r.ToQuota())];
    }

    /// <summary>
    /// A quota period that is still running ends at now, inside a local day: its whole days come from the rollup and
    /// the rest of it (from the start of today up to now) from the records, so deals dated later today never count.
    /// </summary>
    public async Task<IReadOnlyList<WonDeals>> WonPerSpanAndOwnerAsync(MetricScope scope, CancellationToken cancellationToken)
    {
        var cuts = scope.Spans.Select(s => (Span: s, Day: LastDayStartingBy(s, scope.Zone))).ToList();
        var wholeDays = scope with { Spans = [.. cuts.Select(c => c.Span with { To = c.Day, ToUtc = MetricWindow.StartOfDay(c.Day, scope.Zone) })] };
        var sinceDayStart = scope with { Spans = [.. cuts.Select(c => c.Span with { From = c.Day, FromUtc = MetricWindow.StartOfDay(c.Day, scope.Zone) })] };
        var rows = (await SpanQueryAsync<WonRow>(WonPerSpanAndOwner.For(scope.Subject), wholeDays, DateTimeOffset.UtcNow, null, cancellationToken))
            .Concat(await SpanQueryAsync<WonRow>(WonPerSpanAndOwnerSinceDayStart, sinceDayStart, DateTimeOffset.UtcNow, null, cancellationToken));
        return [.. rows.GroupBy(r => (r.Idx, r.OwnerId)).Select(g => new WonDeals(g.Key.Idx, g.Key.OwnerId, g.Sum(r => r.Revenue ?? 0), g.Sum(r => r.Deals)))];
    }

    public async Task<IReadOnlyList<QuotaWon>> FirstAttainedQuotasAsync(
        IReadOnlyList<(Guid UserId, DateOnly Start)> reps, DateOnly today, CancellationToken cancellationToken)
    {
        var starts = JsonSerializer.Serialize(reps.Select(r => new Dictionary<string, string>
        {
            ["u"] = r.UserId.ToString("D"),
            ["d"] = MetricSql.IsoDate(r.Start),
        }));
        return [.. (await QueryAsync<QuotaWonRow>(FirstAttainedQuotas, new { Starts = starts, Today = today }, cancellationToken))
            .Select(r => new QuotaWon(r.ToQuota(), r.Revenue, r.Deals))];
    }

    public async Task<IReadOnlyDictionary<int, long>> DealsWonAsync(MetricScope scope, CancellationToken cancellationToken) =>
        (await SpanQueryAsync<WonRow>(DealsWonPerSpan, scope, DateTimeOffset.UtcNow, null, cancellationToken)).ToDictionary(r => r.Idx, r => r.Deals);

    public async Task<IReadOnlyList<LeaderboardFigures>> LeaderboardAsync(MetricScope scope, CancellationToken cancellationToken) =>
        [.. (await SpanQueryAsync<LeaderboardRow>(Leaderboard, scope, DateTimeOffset.UtcNow, OwnerMonthWindow.Parameters(scope), cancellationToken))
            .Select(r => new LeaderboardFigures(r.UserId, r.DisplayName, r.TeamId, r.RevenueWon ?? 0, r.DealsWon ?? 0, r.Activities ?? 0))];

    public Task<Page<MetricRecord>> ExplainWonAsync(ExplainRequest<FunnelFigure> request, CancellationToken cancellationToken) =>
        ExplainAsync(ExplainWon.For(request.Scope.Subject), request, DateTimeOffset.UtcNow, null, cancellationToken);

    /// <summary>The last local day of the span that starts at or before the span's end instant (its end date when the span ends at midnight).</summary>
    private static DateOnly LastDayStartingBy(MetricSpan span, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(span.ToUtc, zone).DateTime);
        day = day > span.To ? span.To : day < span.From ? span.From : day;
        while (day > span.From && MetricWindow.StartOfDay(day, zone) > span.ToUtc)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private class QuotaRow
    {
        public Guid QuotaId { get; init; }

        public Guid UserId { get; init; }

        public string DisplayName { get; init; } = "";

        public string Period { get; init; } = "";

        public DateOnly PeriodStart { get; init; }

        public DateOnly PeriodEnd { get; init; }

        public string Kind { get; init; } = "";

        public decimal Target { get; init; }

        public QuotaInWindow ToQuota() => new(
            QuotaId, UserId, DisplayName, Enum.Parse<QuotaPeriod>(Period, ignoreCase: true), PeriodStart, PeriodEnd,
            Enum.Parse<QuotaKind>(Kind, ignoreCase: true), Target);
    }

    private sealed class QuotaWonRow : QuotaRow
    {
        public decimal Revenue { get; init; }

        public long Deals { get; init; }
    }

    private sealed class WonRow
    {
        public int Idx { get; init; }

        public Guid OwnerId { get; init; }

        public decimal? Revenue { get; init; }

        public long Deals { get; init; }
    }

    private sealed class LeaderboardRow
    {
        public Guid UserId { get; init; }

        public string DisplayName { get; init; } = "";

        public Guid? TeamId { get; init; }

        public decimal? RevenueWon { get; init; }

        public long? DealsWon { get; init; }

        public long? Activities { get; init; }
    }

    /// <summary>
    /// Won revenue and deals per span and owner from the day rollup (whole local days), for the owners <paramref name="owners"/> selects.
    /// Only days with a win count (<c>won &gt; 0</c>; a day without one adds nothing), so SQLite reads the compact covering
    /// ix_opportunity_days_won instead of every owner's every day of the span.
    /// </summary>
    private static string WonPerSpanAndOwnerWhere(string owners) => $"""
        SELECT s.idx AS Idx, d.owner_id AS OwnerId, SUM(d.won_amount) AS Revenue, SUM(d.won) AS Deals
        FROM {"{spans}"} s
        JOIN opportunity_days d ON d.day >= s.from_day AND d.day < s.to_day
        WHERE s.idx > 0 AND d.won > 0 AND {owners}
        GROUP BY s.idx, d.owner_id
        HAVING SUM(d.won) > 0
        """;

    /// <summary>What quota <paramref name="q"/>'s rep won in its period's whole months.</summary>
    private static string WonInPeriod(string q, string column) =>
        $"(SELECT SUM(m.{column}) FROM owner_months m WHERE m.owner_id = {q}.user_id AND m.month >= {q}.period_start AND m.month < {q}.period_end)";

    /// <summary>
    /// <paramref name="firstQuota"/> joins each rep's first reached quota as q, given the condition on a candidate f. Money and
    /// targets are stored ×10⁴ on SQLite, so there a count of deals is scaled (<paramref name="dealsScale"/>) to compare with a
    /// deals target.
    /// </summary>
    private static string FirstAttainedQuotasText(string starts, Func<string, string> firstQuota, string dealsScale)
    {
        var reached = $"""
            f.user_id = s.u AND f.deleted_at IS NULL AND f.period_end > s.d AND f.period_end <= @Today AND f.target > 0
              AND CASE WHEN f.kind = 'revenue' THEN {WonInPeriod("f", "won_amount")} ELSE {WonInPeriod("f", "won")}{dealsScale} END >= f.target
            """;
        return $"""
            SELECT q.id AS QuotaId, q.user_id AS UserId, u.display_name AS DisplayName, q.period AS Period, q.period_start AS PeriodStart,
                   q.period_end AS PeriodEnd, q.kind AS Kind, q.target AS Target,
                   COALESCE({WonInPeriod("q", "won_amount")}, 0) AS Revenue,
                   COALESCE({WonInPeriod("q", "won")}, 0) AS Deals
            FROM {starts}
            {firstQuota(reached)}
            JOIN users u ON u.id = q.user_id
            """;
    }
}
