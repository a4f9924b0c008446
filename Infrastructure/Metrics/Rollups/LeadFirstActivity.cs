using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// <c>leads.first_activity_at</c> (migration 0018): the earliest logged activity of each lead (soft-deleted ones never),
/// kept by triggers on activities; this statement recomputes it from the records, touching only the leads that differ.
/// </summary>
public static class LeadFirstActivity
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "lead_first_activity";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    public static readonly Sql Rebuild = new("""
        UPDATE leads SET first_activity_at = (SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = leads.id AND a.deleted_at IS NULL)
        WHERE first_activity_at IS NOT (SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = leads.id AND a.deleted_at IS NULL)
        """,
        """
        UPDATE l SET first_activity_at = f.first_at
        FROM leads l
        OUTER APPLY (SELECT MIN(a.occurred_at) AS first_at FROM activities a WHERE a.lead_id = l.id AND a.deleted_at IS NULL) f
        WHERE (l.first_activity_at IS NULL AND f.first_at IS NOT NULL) OR (l.first_activity_at IS NOT NULL AND f.first_at IS NULL)
           OR l.first_activity_at <> f.first_at
        """);

    public static readonly IReadOnlyList<Sql> Statements = [Rebuild];
}
