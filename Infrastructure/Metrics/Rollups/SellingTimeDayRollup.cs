using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// <c>selling_time_days</c> (migration 0028): per owner and local day, the durations and timed / untimed counts of the
/// activities that are selling time regardless of the clock (live calls, emails and meetings; a meeting only if not
/// cancelled), organisation rows included. Selling time reads it for the whole days before today. Triggers on
/// <c>activities</c> keep it exact; these statements rebuild it.
/// </summary>
public static class SellingTimeDayRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "selling_time_days";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    /// <summary>The activities it sums: selling time without the clock's rule (meetings are counted once started when read).</summary>
    private const string Selling = """
        a.deleted_at IS NULL AND a.type IN ('call', 'email', 'meeting') AND (a.type <> 'meeting' OR COALESCE(a.outcome, '') <> 'cancelled')
        """;

    private const string Sums = """
        SUM(CAST(CASE WHEN a.type = 'call' THEN COALESCE(a.duration_seconds, 0) ELSE 0 END AS BIGINT)),
        SUM(CAST(CASE WHEN a.type = 'meeting' THEN COALESCE(a.duration_seconds, 0) ELSE 0 END AS BIGINT)),
        SUM(CAST(CASE WHEN a.type = 'email' THEN COALESCE(a.duration_seconds, 0) ELSE 0 END AS BIGINT)),
        SUM(CASE WHEN a.duration_seconds IS NOT NULL THEN 1 ELSE 0 END),
        SUM(CASE WHEN a.duration_seconds IS NULL THEN 1 ELSE 0 END)
        """;

    public static readonly Sql Clear = new("DELETE FROM selling_time_days");

    public static readonly Sql Rebuild = new(
        $"""
        INSERT INTO selling_time_days (owner_id, day, call_seconds, meeting_seconds, email_seconds, timed, untimed)
        SELECT a.owner_id, c.day, {Sums}
        FROM activities a
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= a.occurred_at)
        WHERE {Selling}
        GROUP BY a.owner_id, c.day
        """,
        $"""
        INSERT INTO selling_time_days (owner_id, day, call_seconds, meeting_seconds, email_seconds, timed, untimed)
        SELECT a.owner_id, c.day, {Sums}
        FROM activities a
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= a.occurred_at ORDER BY mc.starts_at DESC) c
        WHERE {Selling}
        GROUP BY a.owner_id, c.day
        """);

    public static readonly IReadOnlyList<Sql> Statements = [Clear, Rebuild];
}
