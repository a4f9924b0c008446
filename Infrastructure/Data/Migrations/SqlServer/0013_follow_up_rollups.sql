-- Follow-up rollups, kept exact by triggers in the same transaction as every write to follow-ups, stage moves and
-- opportunities (filled by Metrics/Rollups/FollowUpDayRollup after the migration and on a zone change).
-- follow_up_days, per owner and local day: due (not cancelled) and open_due (still open) by the day of due_at;
-- completed and completed_on_time (completed_at <= due_at) by the day of completed_at. Soft-deleted never count.
-- stage_moves.follow_ups_in_stage: completed follow-ups on the opportunity from the previous move (entering the stage
-- this move leaves, inclusive) to this move (exclusive); 0 for an opportunity's first move.
-- opportunities.follow_ups_at_close: completed follow-ups on it up to and including closed_at (0 while open).

CREATE TABLE follow_up_days (
    day DATE NOT NULL,
    owner_id UNIQUEIDENTIFIER NOT NULL,
    due INT NOT NULL CONSTRAINT df_follow_up_days_due DEFAULT 0,
    open_due INT NOT NULL CONSTRAINT df_follow_up_days_open_due DEFAULT 0,
    completed INT NOT NULL CONSTRAINT df_follow_up_days_completed DEFAULT 0,
    completed_on_time INT NOT NULL CONSTRAINT df_follow_up_days_completed_on_time DEFAULT 0,
    CONSTRAINT pk_follow_up_days PRIMARY KEY (day, owner_id)
);

CREATE INDEX ix_follow_up_days_owner ON follow_up_days (owner_id, day);

-- The late follow-ups of a window (median lateness) read from the index alone.
CREATE INDEX ix_follow_ups_completed_due ON follow_ups (completed_at, status, owner_id, deleted_at, due_at);
DROP INDEX ix_follow_ups_completed_cover ON follow_ups;

ALTER TABLE stage_moves ADD follow_ups_in_stage INT NOT NULL CONSTRAINT df_stage_moves_follow_ups_in_stage DEFAULT 0;
ALTER TABLE opportunities ADD follow_ups_at_close INT NOT NULL CONSTRAINT df_opportunities_follow_ups_at_close DEFAULT 0;
GO

-- Follow-up discipline reads a window's moves and closed deals with their counts from these indexes alone.
CREATE INDEX ix_stage_moves_occurred_follow_ups ON stage_moves (occurred_at, opportunity_id, from_stage_id, to_stage_id, follow_ups_in_stage);
CREATE INDEX ix_opportunities_id_live_owner ON opportunities (id, deleted_at, owner_id);
CREATE INDEX ix_opportunities_closed_follow_ups ON opportunities (closed_at, outcome, deleted_at, owner_id, pipeline_id, follow_ups_at_close);
GO

CREATE TRIGGER tr_follow_ups_rollup ON follow_ups AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    MERGE follow_up_days AS d
    USING (
        SELECT r.owner_id, c.day,
               SUM(CASE WHEN r.by_completion = 0 THEN r.sign ELSE 0 END) AS due,
               SUM(CASE WHEN r.by_completion = 0 AND r.status = 'open' THEN r.sign ELSE 0 END) AS open_due,
               SUM(CASE WHEN r.by_completion = 1 THEN r.sign ELSE 0 END) AS completed,
               SUM(CASE WHEN r.by_completion = 1 AND r.completed_at <= r.due_at THEN r.sign ELSE 0 END) AS completed_on_time
        FROM (
            SELECT 1 AS sign, 0 AS by_completion, owner_id, status, due_at, completed_at, due_at AS at FROM inserted WHERE deleted_at IS NULL AND status <> 'cancelled'
            UNION ALL SELECT -1, 0, owner_id, status, due_at, completed_at, due_at FROM deleted WHERE deleted_at IS NULL AND status <> 'cancelled'
            UNION ALL SELECT 1, 1, owner_id, status, due_at, completed_at, completed_at FROM inserted WHERE deleted_at IS NULL AND status = 'completed' AND completed_at IS NOT NULL
            UNION ALL SELECT -1, 1, owner_id, status, due_at, completed_at, completed_at FROM deleted WHERE deleted_at IS NULL AND status = 'completed' AND completed_at IS NOT NULL
        ) r
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= r.at ORDER BY mc.starts_at DESC) c
        GROUP BY r.owner_id, c.day
    ) AS s ON d.day = s.day AND d.owner_id = s.owner_id
    WHEN MATCHED THEN UPDATE SET due = d.due + s.due, open_due = d.open_due + s.open_due, completed = d.completed + s.completed, completed_on_time = d.completed_on_time + s.completed_on_time
    WHEN NOT MATCHED THEN INSERT (day, owner_id, due, open_due, completed, completed_on_time) VALUES (s.day, s.owner_id, s.due, s.open_due, s.completed, s.completed_on_time);

    UPDATE m SET follow_ups_in_stage = m.follow_ups_in_stage + x.delta
    FROM stage_moves m
    JOIN (
        SELECT mm.id, SUM(r.sign) AS delta
        FROM (
            SELECT 1 AS sign, opportunity_id, completed_at FROM inserted WHERE status = 'completed' AND deleted_at IS NULL AND opportunity_id IS NOT NULL
            UNION ALL SELECT -1, opportunity_id, completed_at FROM deleted WHERE status = 'completed' AND deleted_at IS NULL AND opportunity_id IS NOT NULL
        ) r
        JOIN stage_moves mm ON mm.opportunity_id = r.opportunity_id AND mm.occurred_at > r.completed_at
        JOIN stage_moves p ON p.opportunity_id = mm.opportunity_id AND p.move_number = mm.move_number - 1 AND p.occurred_at <= r.completed_at
        GROUP BY mm.id
    ) x ON x.id = m.id;

    UPDATE o SET follow_ups_at_close = o.follow_ups_at_close + x.delta
    FROM opportunities o
    JOIN (
        SELECT oo.id, SUM(r.sign) AS delta
        FROM (
            SELECT 1 AS sign, opportunity_id, completed_at FROM inserted WHERE status = 'completed' AND deleted_at IS NULL AND opportunity_id IS NOT NULL
            UNION ALL SELECT -1, opportunity_id, completed_at FROM deleted WHERE status = 'completed' AND deleted_at IS NULL AND opportunity_id IS NOT NULL
        ) r
        JOIN opportunities oo ON oo.id = r.opportunity_id AND oo.closed_at >= r.completed_at
        GROUP BY oo.id
    ) x ON x.id = o.id;
END;
GO

-- A move's count is recounted when it is written, and so is the next move's (whose stage this move entered).
CREATE TRIGGER tr_stage_moves_follow_ups ON stage_moves AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted) AND NOT (UPDATE(opportunity_id) OR UPDATE(move_number) OR UPDATE(occurred_at)) RETURN;
    UPDATE m SET follow_ups_in_stage = (
        SELECT COUNT(*) FROM stage_moves p JOIN follow_ups f ON f.opportunity_id = p.opportunity_id
        WHERE p.opportunity_id = m.opportunity_id AND p.move_number = m.move_number - 1
          AND f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at >= p.occurred_at AND f.completed_at < m.occurred_at)
    FROM stage_moves m
    JOIN (
        SELECT opportunity_id, move_number FROM inserted
        UNION SELECT opportunity_id, move_number + 1 FROM inserted
        UNION SELECT opportunity_id, move_number + 1 FROM deleted
    ) k ON k.opportunity_id = m.opportunity_id AND k.move_number = m.move_number;
END;
GO

CREATE TRIGGER tr_opportunities_follow_ups ON opportunities AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF NOT UPDATE(closed_at) RETURN;
    UPDATE o SET follow_ups_at_close = (
        SELECT COUNT(*) FROM follow_ups f
        WHERE f.opportunity_id = o.id AND f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at <= o.closed_at)
    FROM opportunities o
    JOIN inserted i ON i.id = o.id;
END;
