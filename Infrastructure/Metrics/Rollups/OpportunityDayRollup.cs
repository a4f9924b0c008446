using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// <c>opportunity_days</c> and <c>opportunity_open_totals</c> (migration 0014): per current owner, current pipeline and
/// local day, the live opportunities created, won and lost (with the won amount), and the moves that opened or closed
/// them; and per owner and pipeline, those open after their latest move. Triggers keep them exact; these statements rebuild them.
/// </summary>
public static class OpportunityDayRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "opportunity_days";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    public static readonly Sql ClearDays = new("DELETE FROM opportunity_days");

    public static readonly Sql ClearTotals = new("DELETE FROM opportunity_open_totals");

    public static readonly Sql RebuildCreated = new(
        """
        INSERT INTO opportunity_days (day, owner_id, pipeline_id, created)
        SELECT c.day, o.owner_id, o.pipeline_id, COUNT(*)
        FROM opportunities o
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= o.created_at)
        WHERE o.deleted_at IS NULL
        GROUP BY c.day, o.owner_id, o.pipeline_id
        """,
        """
        INSERT INTO opportunity_days (day, owner_id, pipeline_id, created)
        SELECT c.day, o.owner_id, o.pipeline_id, COUNT(*)
        FROM opportunities o
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= o.created_at ORDER BY mc.starts_at DESC) c
        WHERE o.deleted_at IS NULL
        GROUP BY c.day, o.owner_id, o.pipeline_id
        """);

    public static readonly Sql RebuildClosed = new(
        """
        INSERT INTO opportunity_days (day, owner_id, pipeline_id, won, won_amount, lost)
        SELECT c.day, o.owner_id, o.pipeline_id, SUM(CASE WHEN o.outcome = 'won' THEN 1 ELSE 0 END),
               SUM(CASE WHEN o.outcome = 'won' THEN o.amount ELSE 0 END), SUM(CASE WHEN o.outcome = 'lost' THEN 1 ELSE 0 END)
        FROM opportunities o
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= o.closed_at)
        WHERE o.deleted_at IS NULL AND o.outcome IN ('won', 'lost')
        GROUP BY c.day, o.owner_id, o.pipeline_id
        ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET won = excluded.won, won_amount = excluded.won_amount, lost = excluded.lost
        """,
        """
        MERGE opportunity_days AS d
        USING (
            SELECT c.day, o.owner_id, o.pipeline_id, SUM(CASE WHEN o.outcome = 'won' THEN 1 ELSE 0 END) AS won,
                   SUM(CASE WHEN o.outcome = 'won' THEN o.amount ELSE 0 END) AS won_amount, SUM(CASE WHEN o.outcome = 'lost' THEN 1 ELSE 0 END) AS lost
            FROM opportunities o
            CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= o.closed_at ORDER BY mc.starts_at DESC) c
            WHERE o.deleted_at IS NULL AND o.outcome IN ('won', 'lost')
            GROUP BY c.day, o.owner_id, o.pipeline_id
        ) AS s ON d.day = s.day AND d.owner_id = s.owner_id AND d.pipeline_id = s.pipeline_id
        WHEN MATCHED THEN UPDATE SET won = s.won, won_amount = s.won_amount, lost = s.lost
        WHEN NOT MATCHED THEN INSERT (day, owner_id, pipeline_id, won, won_amount, lost) VALUES (s.day, s.owner_id, s.pipeline_id, s.won, s.won_amount, s.lost);
        """);

    /// <summary>Each move into an open stage from none or a closed one, and out of an open one, on the day of the move (or of the creation, if later).</summary>
    public static readonly Sql RebuildOpened = new(
        $"""
        INSERT INTO opportunity_days (day, owner_id, pipeline_id, opened, closed)
        SELECT c.day, h.owner_id, h.pipeline_id, SUM(h.opened), SUM(h.closed)
        FROM ({Transitions}) h
        JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= h.at)
        WHERE h.opened = 1 OR h.closed = 1
        GROUP BY c.day, h.owner_id, h.pipeline_id
        ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET opened = excluded.opened, closed = excluded.closed
        """,
        $"""
        MERGE opportunity_days AS d
        USING (
            SELECT c.day, h.owner_id, h.pipeline_id, SUM(h.opened) AS opened, SUM(h.closed) AS closed
            FROM ({Transitions}) h
            CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= h.at ORDER BY mc.starts_at DESC) c
            WHERE h.opened = 1 OR h.closed = 1
            GROUP BY c.day, h.owner_id, h.pipeline_id
        ) AS s ON d.day = s.day AND d.owner_id = s.owner_id AND d.pipeline_id = s.pipeline_id
        WHEN MATCHED THEN UPDATE SET opened = s.opened, closed = s.closed
        WHEN NOT MATCHED THEN INSERT (day, owner_id, pipeline_id, opened, closed) VALUES (s.day, s.owner_id, s.pipeline_id, s.opened, s.closed);
        """);

    /// <summary>The live opportunities whose latest move entered an open stage (the sum of every day's opened - closed).</summary>
    public static readonly Sql RebuildTotals = new("""
        INSERT INTO opportunity_open_totals (owner_id, pipeline_id, open_count)
        SELECT o.owner_id, o.pipeline_id, COUNT(*)
        FROM opportunities o
        JOIN stage_moves sm ON sm.opportunity_id = o.id
        JOIN stages st ON st.id = sm.to_stage_id
        WHERE o.deleted_at IS NULL AND st.kind = 'open'
          AND sm.move_number = (SELECT MAX(m2.move_number) FROM stage_moves m2 WHERE m2.opportunity_id = o.id)
        GROUP BY o.owner_id, o.pipeline_id
        """);

    public static readonly IReadOnlyList<Sql> Statements = [ClearDays, ClearTotals, RebuildCreated, RebuildClosed, RebuildOpened, RebuildTotals];

    /// <summary>Every stage move of a live opportunity: when it counts, and whether it opened or closed the deal (previous move by number).</summary>
    private const string Transitions = """
        SELECT m.owner_id, m.pipeline_id,
               CASE WHEN m.occurred_at > m.created_at THEN m.occurred_at ELSE m.created_at END AS at,
               CASE WHEN m.kind = 'open' AND COALESCE(m.previous_kind, '') <> 'open' THEN 1 ELSE 0 END AS opened,
               CASE WHEN m.kind <> 'open' AND m.previous_kind = 'open' THEN 1 ELSE 0 END AS closed
        FROM (SELECT o.owner_id, o.pipeline_id, o.created_at, sm.occurred_at, st.kind,
                     LAG(st.kind) OVER (PARTITION BY sm.opportunity_id ORDER BY sm.move_number) AS previous_kind
              FROM opportunities o
              JOIN stage_moves sm ON sm.opportunity_id = o.id
              JOIN stages st ON st.id = sm.to_stage_id
              WHERE o.deleted_at IS NULL) m
        """;
}
