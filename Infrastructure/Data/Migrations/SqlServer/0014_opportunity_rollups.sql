-- Day rollups of opportunities, kept exact by triggers in the same transaction as every write to opportunities and
-- stage_moves (filled by the rebuild in Rollups/OpportunityDayRollup.cs after a migration and on a zone change).
-- opportunity_days, per local day, current owner and current pipeline, of live (not soft-deleted) opportunities:
--   created             opportunities created that day (created_at);
--   won, won_amount     opportunities whose current outcome is won, by the day of closed_at, and their current amounts;
--   lost                likewise for lost;
--   opened, closed      moves into an open stage from none or a closed one, and out of an open stage into won or lost,
--                       by the day of the move (or of the creation, if later): open at the start of day D is
--                       Σ over days before D of (opened - closed).
-- opportunity_open_totals: per current owner and pipeline, the live opportunities whose latest move entered an open
-- stage, i.e. Σ of (opened - closed) over all days; so open at D = total - Σ over days from D of (opened - closed),
-- whose cost follows the distance from now, not the history. Stage moves are append-only and in order (enforced by
-- the stage-move rules), so a new move only changes the history from its own day on.

CREATE TABLE opportunity_days (
    day DATE NOT NULL,
    owner_id UNIQUEIDENTIFIER NOT NULL,
    pipeline_id UNIQUEIDENTIFIER NOT NULL,
    created INT NOT NULL CONSTRAINT df_opportunity_days_created DEFAULT 0,
    won INT NOT NULL CONSTRAINT df_opportunity_days_won DEFAULT 0,
    won_amount DECIMAL(19,4) NOT NULL CONSTRAINT df_opportunity_days_won_amount DEFAULT 0,
    lost INT NOT NULL CONSTRAINT df_opportunity_days_lost DEFAULT 0,
    opened INT NOT NULL CONSTRAINT df_opportunity_days_opened DEFAULT 0,
    closed INT NOT NULL CONSTRAINT df_opportunity_days_closed DEFAULT 0,
    CONSTRAINT pk_opportunity_days PRIMARY KEY (day, owner_id, pipeline_id)
);

CREATE INDEX ix_opportunity_days_owner ON opportunity_days (owner_id, day);

CREATE TABLE opportunity_open_totals (
    owner_id UNIQUEIDENTIFIER NOT NULL,
    pipeline_id UNIQUEIDENTIFIER NOT NULL,
    open_count INT NOT NULL CONSTRAINT df_opportunity_open_totals_open_count DEFAULT 0,
    CONSTRAINT pk_opportunity_open_totals PRIMARY KEY (owner_id, pipeline_id)
);

-- Medians of won deals and lost reasons read only the deals closed in the window, from these covering indexes (the
-- won one replaces 0011's narrower ix_opportunities_won_closed, which the planner would otherwise pick).
DROP INDEX ix_opportunities_won_closed ON opportunities;
CREATE INDEX ix_opportunities_won_deals ON opportunities (closed_at, owner_id, pipeline_id) INCLUDE (amount, created_at)
    WHERE outcome = 'won' AND deleted_at IS NULL;
CREATE INDEX ix_opportunities_lost_deals ON opportunities (closed_at, owner_id, pipeline_id) INCLUDE (lost_reason_id, competitor, amount)
    WHERE outcome = 'lost' AND deleted_at IS NULL;
GO

-- Each written row leaves its old place (deleted, sign -1) and takes its new one (inserted, +1). The open history is
-- recomputed only for rows whose owner, pipeline, creation or deletion changed (the others would cancel out).
CREATE TRIGGER tr_opportunities_days ON opportunities AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @rows TABLE (
        sign INT NOT NULL, id UNIQUEIDENTIFIER NOT NULL, owner_id UNIQUEIDENTIFIER NOT NULL, pipeline_id UNIQUEIDENTIFIER NOT NULL,
        created_at DATETIMEOFFSET(3) NOT NULL, closed_at DATETIMEOFFSET(3) NULL, outcome VARCHAR(16) NULL, amount DECIMAL(19,4) NOT NULL,
        placed INT NOT NULL);
    INSERT INTO @rows (sign, id, owner_id, pipeline_id, created_at, closed_at, outcome, amount, placed)
    SELECT 1, i.id, i.owner_id, i.pipeline_id, i.created_at, i.closed_at, i.outcome, i.amount,
           CASE WHEN d.id IS NULL OR d.deleted_at IS NOT NULL OR d.owner_id <> i.owner_id OR d.pipeline_id <> i.pipeline_id
                     OR d.created_at <> i.created_at THEN 1 ELSE 0 END
    FROM inserted i LEFT JOIN deleted d ON d.id = i.id
    WHERE i.deleted_at IS NULL;
    INSERT INTO @rows (sign, id, owner_id, pipeline_id, created_at, closed_at, outcome, amount, placed)
    SELECT -1, d.id, d.owner_id, d.pipeline_id, d.created_at, d.closed_at, d.outcome, d.amount,
           CASE WHEN i.id IS NULL OR i.deleted_at IS NOT NULL OR d.owner_id <> i.owner_id OR d.pipeline_id <> i.pipeline_id
                     OR d.created_at <> i.created_at THEN 1 ELSE 0 END
    FROM deleted d LEFT JOIN inserted i ON i.id = d.id
    WHERE d.deleted_at IS NULL;

    MERGE opportunity_days AS t
    USING (
        SELECT e.owner_id, e.pipeline_id, c.day, SUM(e.created) AS created, SUM(e.won) AS won, SUM(e.won_amount) AS won_amount,
               SUM(e.lost) AS lost, SUM(e.opened) AS opened, SUM(e.closed) AS closed
        FROM (
            SELECT r.owner_id, r.pipeline_id, r.created_at AS at, r.sign AS created, 0 AS won, CAST(0 AS DECIMAL(19,4)) AS won_amount,
                   0 AS lost, 0 AS opened, 0 AS closed
            FROM @rows r
            UNION ALL
            SELECT r.owner_id, r.pipeline_id, r.closed_at, 0, CASE WHEN r.outcome = 'won' THEN r.sign ELSE 0 END,
                   CASE WHEN r.outcome = 'won' THEN r.sign * r.amount ELSE 0 END, CASE WHEN r.outcome = 'lost' THEN r.sign ELSE 0 END, 0, 0
            FROM @rows r
            WHERE r.outcome IN ('won', 'lost') AND r.closed_at IS NOT NULL
            UNION ALL
            SELECT r.owner_id, r.pipeline_id, h.at, 0, 0, 0, 0, r.sign * h.opened, r.sign * h.closed
            FROM @rows r
            CROSS APPLY (
                SELECT CASE WHEN m.occurred_at > r.created_at THEN m.occurred_at ELSE r.created_at END AS at,
                       CASE WHEN m.kind = 'open' AND COALESCE(m.previous_kind, '') <> 'open' THEN 1 ELSE 0 END AS opened,
                       CASE WHEN m.kind <> 'open' AND m.previous_kind = 'open' THEN 1 ELSE 0 END AS closed
                FROM (SELECT sm.occurred_at, st.kind, LAG(st.kind) OVER (ORDER BY sm.move_number) AS previous_kind
                      FROM stage_moves sm JOIN stages st ON st.id = sm.to_stage_id
                      WHERE sm.opportunity_id = r.id) m
            ) h
            WHERE r.placed = 1 AND (h.opened = 1 OR h.closed = 1)
        ) e
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= e.at ORDER BY mc.starts_at DESC) c
        GROUP BY e.owner_id, e.pipeline_id, c.day
        HAVING SUM(e.created) <> 0 OR SUM(e.won) <> 0 OR SUM(e.won_amount) <> 0 OR SUM(e.lost) <> 0 OR SUM(e.opened) <> 0 OR SUM(e.closed) <> 0
    ) AS s ON t.day = s.day AND t.owner_id = s.owner_id AND t.pipeline_id = s.pipeline_id
    WHEN MATCHED THEN UPDATE SET created = t.created + s.created, won = t.won + s.won, won_amount = t.won_amount + s.won_amount,
        lost = t.lost + s.lost, opened = t.opened + s.opened, closed = t.closed + s.closed
    WHEN NOT MATCHED THEN INSERT (day, owner_id, pipeline_id, created, won, won_amount, lost, opened, closed)
        VALUES (s.day, s.owner_id, s.pipeline_id, s.created, s.won, s.won_amount, s.lost, s.opened, s.closed);

    MERGE opportunity_open_totals AS t
    USING (
        SELECT r.owner_id, r.pipeline_id, SUM(r.sign) AS open_count
        FROM @rows r
        WHERE r.placed = 1
          AND EXISTS (SELECT 1 FROM stage_moves sm JOIN stages st ON st.id = sm.to_stage_id
                      WHERE sm.opportunity_id = r.id AND st.kind = 'open'
                        AND sm.move_number = (SELECT MAX(m2.move_number) FROM stage_moves m2 WHERE m2.opportunity_id = r.id))
        GROUP BY r.owner_id, r.pipeline_id
        HAVING SUM(r.sign) <> 0
    ) AS s ON t.owner_id = s.owner_id AND t.pipeline_id = s.pipeline_id
    WHEN MATCHED THEN UPDATE SET open_count = t.open_count + s.open_count
    WHEN NOT MATCHED THEN INSERT (owner_id, pipeline_id, open_count) VALUES (s.owner_id, s.pipeline_id, s.open_count);
END;
GO

-- A new stage move (always the latest, at or after the one before) opens or closes the deal from its day on.
CREATE TRIGGER tr_stage_moves_days ON stage_moves AFTER INSERT AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @moves TABLE (owner_id UNIQUEIDENTIFIER NOT NULL, pipeline_id UNIQUEIDENTIFIER NOT NULL, at DATETIMEOFFSET(3) NOT NULL,
                          opened INT NOT NULL, closed INT NOT NULL);
    INSERT INTO @moves (owner_id, pipeline_id, at, opened, closed)
    SELECT o.owner_id, o.pipeline_id, CASE WHEN i.occurred_at > o.created_at THEN i.occurred_at ELSE o.created_at END,
           CASE WHEN st.kind = 'open' AND COALESCE(p.kind, '') <> 'open' THEN 1 ELSE 0 END,
           CASE WHEN st.kind <> 'open' AND p.kind = 'open' THEN 1 ELSE 0 END
    FROM inserted i
    JOIN opportunities o ON o.id = i.opportunity_id
    JOIN stages st ON st.id = i.to_stage_id
    OUTER APPLY (SELECT TOP 1 ps.kind FROM stage_moves pm JOIN stages ps ON ps.id = pm.to_stage_id
                 WHERE pm.opportunity_id = i.opportunity_id AND pm.move_number < i.move_number ORDER BY pm.move_number DESC) p
    WHERE o.deleted_at IS NULL;

    MERGE opportunity_days AS t
    USING (
        SELECT m.owner_id, m.pipeline_id, c.day, SUM(m.opened) AS opened, SUM(m.closed) AS closed
        FROM @moves m
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= m.at ORDER BY mc.starts_at DESC) c
        WHERE m.opened = 1 OR m.closed = 1
        GROUP BY m.owner_id, m.pipeline_id, c.day
    ) AS s ON t.day = s.day AND t.owner_id = s.owner_id AND t.pipeline_id = s.pipeline_id
    WHEN MATCHED THEN UPDATE SET opened = t.opened + s.opened, closed = t.closed + s.closed
    WHEN NOT MATCHED THEN INSERT (day, owner_id, pipeline_id, opened, closed) VALUES (s.day, s.owner_id, s.pipeline_id, s.opened, s.closed);

    MERGE opportunity_open_totals AS t
    USING (
        SELECT m.owner_id, m.pipeline_id, SUM(m.opened - m.closed) AS open_count
        FROM @moves m
        GROUP BY m.owner_id, m.pipeline_id
        HAVING SUM(m.opened - m.closed) <> 0
    ) AS s ON t.owner_id = s.owner_id AND t.pipeline_id = s.pipeline_id
    WHEN MATCHED THEN UPDATE SET open_count = t.open_count + s.open_count
    WHEN NOT MATCHED THEN INSERT (owner_id, pipeline_id, open_count) VALUES (s.owner_id, s.pipeline_id, s.open_count);
END;
