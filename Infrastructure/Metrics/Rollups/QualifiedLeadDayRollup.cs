using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// <c>leads.qualified_response_at</c> and <c>qualified_lead_days</c> (migration 0039): each lead's first live activity at or
/// after it became sales-qualified, and per current owner and local day of qualification the live qualified leads by whole
/// hours to that activity rounded up (<c>leads.qualified_response_hour</c>: -1 none, 0 for exactly 0) with the sum of the
/// response times (ms). Triggers on activities and leads keep both exact (and the organisation rows, through triggers on the
/// rollup); these statements recompute the response from the activities, then rebuild the rollup from the leads.
/// </summary>
public static class QualifiedLeadDayRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "qualified_lead_days";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    /// <summary>Touches only the leads whose stored response differs from the activities'.</summary>
    public static readonly Sql RebuildResponses = new("""
        UPDATE leads SET qualified_response_at = (SELECT MIN(a.occurred_at) FROM activities a
                                                  WHERE a.lead_id = leads.id AND a.deleted_at IS NULL AND a.occurred_at >= leads.sales_qualified_at)
        WHERE (sales_qualified_at IS NOT NULL OR qualified_response_at IS NOT NULL)
          AND qualified_response_at IS NOT (SELECT MIN(a.occurred_at) FROM activities a
                                            WHERE a.lead_id = leads.id AND a.deleted_at IS NULL AND a.occurred_at >= leads.sales_qualified_at)
        """,
        """
        UPDATE l SET qualified_response_at = f.first_at
        FROM leads l
        OUTER APPLY (SELECT MIN(a.occurred_at) AS first_at FROM activities a
                     WHERE a.lead_id = l.id AND a.deleted_at IS NULL AND a.occurred_at >= l.sales_qualified_at) f
        WHERE (l.sales_qualified_at IS NOT NULL OR l.qualified_response_at IS NOT NULL)
          AND ((l.qualified_response_at IS NULL AND f.first_at IS NOT NULL) OR (l.qualified_response_at IS NOT NULL AND f.first_at IS NULL)
               OR l.qualified_response_at <> f.first_at)
        """);

    public static readonly Sql Clear = new("DELETE FROM qualified_lead_days");

    public static readonly Sql Rebuild = new(
        """
        INSERT INTO qualified_lead_days (owner_id, day, response_hour, leads, response_ms)
        SELECT l.owner_id, c.day, l.qualified_response_hour, COUNT(*), COALESCE(SUM(l.qualified_response_ms), 0)
        FROM leads l
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= l.sales_qualified_at)
        WHERE l.sales_qualified_at IS NOT NULL AND l.deleted_at IS NULL
        GROUP BY l.owner_id, c.day, l.qualified_response_hour
        """,
        """
        INSERT INTO qualified_lead_days (owner_id, day, response_hour, leads, response_ms)
        SELECT l.owner_id, c.day, l.qualified_response_hour, COUNT(*), COALESCE(SUM(l.qualified_response_ms), 0)
        FROM leads l
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= l.sales_qualified_at ORDER BY mc.starts_at DESC) c
        WHERE l.sales_qualified_at IS NOT NULL AND l.deleted_at IS NULL
        GROUP BY l.owner_id, c.day, l.qualified_response_hour
        """);

    /// <summary>Responses recomputed, the rollup cleared (organisation rows too), then refilled: each owner row inserted adds itself to its organisation row.</summary>
    public static readonly IReadOnlyList<Sql> Statements = [RebuildResponses, Clear, Rebuild];
}
