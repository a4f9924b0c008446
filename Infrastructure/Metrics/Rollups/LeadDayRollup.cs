using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// <c>lead_days</c> and <c>lead_score_days</c> (migration 0030): per current owner and local day of creation, the live leads
/// by whole hours to their first logged activity rounded up (<c>leads.response_hour</c>: -1 none, 0 at or before the
/// creation), with the converted ones and the sum of the response times (ms); and the live leads by current score with the
/// converted ones. Triggers on <c>leads</c> keep them exact (and the organisation rows, through triggers on the rollups);
/// these statements rebuild them from the leads, so they run after <see cref="LeadFirstActivity"/>.
/// </summary>
public static class LeadDayRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "lead_days";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    private const string Converted = "CASE WHEN l.status = 'converted' OR l.converted_opportunity_id IS NOT NULL THEN 1 ELSE 0 END";

    public static readonly Sql ClearResponses = new("DELETE FROM lead_days");

    public static readonly Sql ClearScores = new("DELETE FROM lead_score_days");

    public static readonly Sql RebuildResponses = new(
        $"""
        INSERT INTO lead_days (owner_id, day, response_hour, leads, converted, response_ms)
        SELECT l.owner_id, c.day, l.response_hour, COUNT(*), SUM({Converted}), COALESCE(SUM(l.response_ms), 0)
        FROM leads l
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= l.created_at)
        WHERE l.deleted_at IS NULL
        GROUP BY l.owner_id, c.day, l.response_hour
        """,
        $"""
        INSERT INTO lead_days (owner_id, day, response_hour, leads, converted, response_ms)
        SELECT l.owner_id, c.day, l.response_hour, COUNT(*), SUM({Converted}), COALESCE(SUM(l.response_ms), 0)
        FROM leads l
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= l.created_at ORDER BY mc.starts_at DESC) c
        WHERE l.deleted_at IS NULL
        GROUP BY l.owner_id, c.day, l.response_hour
        """);

    public static readonly Sql RebuildScores = new(
        $"""
        INSERT INTO lead_score_days (owner_id, day, score, leads, converted)
        SELECT l.owner_id, c.day, l.score, COUNT(*), SUM({Converted})
        FROM leads l
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= l.created_at)
        WHERE l.deleted_at IS NULL
        GROUP BY l.owner_id, c.day, l.score
        """,
        $"""
        INSERT INTO lead_score_days (owner_id, day, score, leads, converted)
        SELECT l.owner_id, c.day, l.score, COUNT(*), SUM({Converted})
        FROM leads l
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= l.created_at ORDER BY mc.starts_at DESC) c
        WHERE l.deleted_at IS NULL
        GROUP BY l.owner_id, c.day, l.score
        """);

    /// <summary>Cleared (organisation rows too), then refilled: each owner row inserted adds itself to its organisation row.</summary>
    public static readonly IReadOnlyList<Sql> Statements = [ClearResponses, ClearScores, RebuildResponses, RebuildScores];
}
