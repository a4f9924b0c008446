-- Follow-up rollups, kept exact by triggers in the same transaction as every write to follow-ups, stage moves and
-- opportunities (filled by Metrics/Rollups/FollowUpDayRollup after the migration and on a zone change).
-- follow_up_days, per owner and local day: due (not cancelled) and open_due (still open) by the day of due_at;
-- completed and completed_on_time (completed_at <= due_at) by the day of completed_at. Soft-deleted never count.
-- stage_moves.follow_ups_in_stage: completed follow-ups on the opportunity from the previous move (entering the stage
-- this move leaves, inclusive) to this move (exclusive); 0 for an opportunity's first move.
-- opportunities.follow_ups_at_close: completed follow-ups on it up to and including closed_at (0 while open).

CREATE TABLE follow_up_days (
    day TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    due INTEGER NOT NULL DEFAULT 0,
    open_due INTEGER NOT NULL DEFAULT 0,
    completed INTEGER NOT NULL DEFAULT 0,
    completed_on_time INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, owner_id)
) WITHOUT ROWID;

CREATE INDEX ix_follow_up_days_owner ON follow_up_days (owner_id, day);

-- The late follow-ups of a window (median lateness) read from the index alone.
CREATE INDEX ix_follow_ups_completed_due ON follow_ups (completed_at, status, owner_id, deleted_at, due_at);
DROP INDEX ix_follow_ups_completed_cover;

ALTER TABLE stage_moves ADD COLUMN follow_ups_in_stage INTEGER NOT NULL DEFAULT 0;
ALTER TABLE opportunities ADD COLUMN follow_ups_at_close INTEGER NOT NULL DEFAULT 0;

-- Follow-up discipline reads a window's moves and closed deals with their counts from these indexes alone.
CREATE INDEX ix_stage_moves_occurred_follow_ups ON stage_moves (occurred_at, opportunity_id, from_stage_id, to_stage_id, follow_ups_in_stage);
CREATE INDEX ix_opportunities_id_live_owner ON opportunities (id, deleted_at, owner_id);
CREATE INDEX ix_opportunities_closed_follow_ups ON opportunities (closed_at, outcome, deleted_at, owner_id, pipeline_id, follow_ups_at_close);

CREATE TRIGGER tr_follow_ups_rollup_insert AFTER INSERT ON follow_ups
BEGIN
    INSERT INTO follow_up_days (owner_id, day, due, open_due)
    SELECT NEW.owner_id, c.day, 1, CASE WHEN NEW.status = 'open' THEN 1 ELSE 0 END
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL AND NEW.status <> 'cancelled'
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.due_at)
    ON CONFLICT (day, owner_id) DO UPDATE SET due = due + excluded.due, open_due = open_due + excluded.open_due;
    INSERT INTO follow_up_days (owner_id, day, completed, completed_on_time)
    SELECT NEW.owner_id, c.day, 1, CASE WHEN NEW.completed_at <= NEW.due_at THEN 1 ELSE 0 END
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL AND NEW.status = 'completed'
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.completed_at)
    ON CONFLICT (day, owner_id) DO UPDATE SET completed = completed + excluded.completed, completed_on_time = completed_on_time + excluded.completed_on_time;
    UPDATE stage_moves SET follow_ups_in_stage = follow_ups_in_stage + 1
    WHERE NEW.status = 'completed' AND NEW.deleted_at IS NULL AND opportunity_id = NEW.opportunity_id AND occurred_at > NEW.completed_at
      AND EXISTS (SELECT 1 FROM stage_moves p WHERE p.opportunity_id = NEW.opportunity_id AND p.move_number = stage_moves.move_number - 1 AND p.occurred_at <= NEW.completed_at);
    UPDATE opportunities SET follow_ups_at_close = follow_ups_at_close + 1
    WHERE NEW.status = 'completed' AND NEW.deleted_at IS NULL AND id = NEW.opportunity_id AND closed_at >= NEW.completed_at;
END;

CREATE TRIGGER tr_follow_ups_rollup_delete AFTER DELETE ON follow_ups
BEGIN
    INSERT INTO follow_up_days (owner_id, day, due, open_due)
    SELECT OLD.owner_id, c.day, -1, CASE WHEN OLD.status = 'open' THEN -1 ELSE 0 END
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL AND OLD.status <> 'cancelled'
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.due_at)
    ON CONFLICT (day, owner_id) DO UPDATE SET due = due + excluded.due, open_due = open_due + excluded.open_due;
    INSERT INTO follow_up_days (owner_id, day, completed, completed_on_time)
    SELECT OLD.owner_id, c.day, -1, CASE WHEN OLD.completed_at <= OLD.due_at THEN -1 ELSE 0 END
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL AND OLD.status = 'completed'
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.completed_at)
    ON CONFLICT (day, owner_id) DO UPDATE SET completed = completed + excluded.completed, completed_on_time = completed_on_time + excluded.completed_on_time;
    UPDATE stage_moves SET follow_ups_in_stage = follow_ups_in_stage - 1
    WHERE OLD.status = 'completed' AND OLD.deleted_at IS NULL AND opportunity_id = OLD.opportunity_id AND occurred_at > OLD.completed_at
      AND EXISTS (SELECT 1 FROM stage_moves p WHERE p.opportunity_id = OLD.opportunity_id AND p.move_number = stage_moves.move_number - 1 AND p.occurred_at <= OLD.completed_at);
    UPDATE opportunities SET follow_ups_at_close = follow_ups_at_close - 1
    WHERE OLD.status = 'completed' AND OLD.deleted_at IS NULL AND id = OLD.opportunity_id AND closed_at >= OLD.completed_at;
END;

CREATE TRIGGER tr_follow_ups_rollup_update AFTER UPDATE OF owner_id, due_at, status, completed_at, opportunity_id, deleted_at ON follow_ups
BEGIN
    INSERT INTO follow_up_days (owner_id, day, due, open_due)
    SELECT OLD.owner_id, c.day, -1, CASE WHEN OLD.status = 'open' THEN -1 ELSE 0 END
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL AND OLD.status <> 'cancelled'
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.due_at)
    ON CONFLICT (day, owner_id) DO UPDATE SET due = due + excluded.due, open_due = open_due + excluded.open_due;
    INSERT INTO follow_up_days (owner_id, day, completed, completed_on_time)
    SELECT OLD.owner_id, c.day, -1, CASE WHEN OLD.completed_at <= OLD.due_at THEN -1 ELSE 0 END
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL AND OLD.status = 'completed'
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.completed_at)
    ON CONFLICT (day, owner_id) DO UPDATE SET completed = completed + excluded.completed, completed_on_time = completed_on_time + excluded.completed_on_time;
    UPDATE stage_moves SET follow_ups_in_stage = follow_ups_in_stage - 1
    WHERE OLD.status = 'completed' AND OLD.deleted_at IS NULL AND opportunity_id = OLD.opportunity_id AND occurred_at > OLD.completed_at
      AND EXISTS (SELECT 1 FROM stage_moves p WHERE p.opportunity_id = OLD.opportunity_id AND p.move_number = stage_moves.move_number - 1 AND p.occurred_at <= OLD.completed_at);
    UPDATE opportunities SET follow_ups_at_close = follow_ups_at_close - 1
    WHERE OLD.status = 'completed' AND OLD.deleted_at IS NULL AND id = OLD.opportunity_id AND closed_at >= OLD.completed_at;
    INSERT INTO follow_up_days (owner_id, day, due, open_due)
    SELECT NEW.owner_id, c.day, 1, CASE WHEN NEW.status = 'open' THEN 1 ELSE 0 END
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL AND NEW.status <> 'cancelled'
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.due_at)
    ON CONFLICT (day, owner_id) DO UPDATE SET due = due + excluded.due, open_due = open_due + excluded.open_due;
    INSERT INTO follow_up_days (owner_id, day, completed, completed_on_time)
    SELECT NEW.owner_id, c.day, 1, CASE WHEN NEW.completed_at <= NEW.due_at THEN 1 ELSE 0 END
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL AND NEW.status = 'completed'
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.completed_at)
    ON CONFLICT (day, owner_id) DO UPDATE SET completed = completed + excluded.completed, completed_on_time = completed_on_time + excluded.completed_on_time;
    UPDATE stage_moves SET follow_ups_in_stage = follow_ups_in_stage + 1
    WHERE NEW.status = 'completed' AND NEW.deleted_at IS NULL AND opportunity_id = NEW.opportunity_id AND occurred_at > NEW.completed_at
      AND EXISTS (SELECT 1 FROM stage_moves p WHERE p.opportunity_id = NEW.opportunity_id AND p.move_number = stage_moves.move_number - 1 AND p.occurred_at <= NEW.completed_at);
    UPDATE opportunities SET follow_ups_at_close = follow_ups_at_close + 1
    WHERE NEW.status = 'completed' AND NEW.deleted_at IS NULL AND id = NEW.opportunity_id AND closed_at >= NEW.completed_at;
END;

-- A move's count is recounted when it is written, and so is the next move's (whose stage this move entered).
CREATE TRIGGER tr_stage_moves_follow_ups_insert AFTER INSERT ON stage_moves
BEGIN
    UPDATE stage_moves SET follow_ups_in_stage = (
        SELECT COUNT(*) FROM stage_moves p JOIN follow_ups f ON f.opportunity_id = p.opportunity_id
        WHERE p.opportunity_id = stage_moves.opportunity_id AND p.move_number = stage_moves.move_number - 1
          AND f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at >= p.occurred_at AND f.completed_at < stage_moves.occurred_at)
    WHERE opportunity_id = NEW.opportunity_id AND move_number IN (NEW.move_number, NEW.move_number + 1);
END;

CREATE TRIGGER tr_stage_moves_follow_ups_update AFTER UPDATE OF opportunity_id, move_number, occurred_at ON stage_moves
BEGIN
    UPDATE stage_moves SET follow_ups_in_stage = (
        SELECT COUNT(*) FROM stage_moves p JOIN follow_ups f ON f.opportunity_id = p.opportunity_id
        WHERE p.opportunity_id = stage_moves.opportunity_id AND p.move_number = stage_moves.move_number - 1
          AND f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at >= p.occurred_at AND f.completed_at < stage_moves.occurred_at)
    WHERE (opportunity_id = NEW.opportunity_id AND move_number IN (NEW.move_number, NEW.move_number + 1))
       OR (opportunity_id = OLD.opportunity_id AND move_number = OLD.move_number + 1);
END;

CREATE TRIGGER tr_stage_moves_follow_ups_delete AFTER DELETE ON stage_moves
BEGIN
    UPDATE stage_moves SET follow_ups_in_stage = (
        SELECT COUNT(*) FROM stage_moves p JOIN follow_ups f ON f.opportunity_id = p.opportunity_id
        WHERE p.opportunity_id = stage_moves.opportunity_id AND p.move_number = stage_moves.move_number - 1
          AND f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at >= p.occurred_at AND f.completed_at < stage_moves.occurred_at)
    WHERE opportunity_id = OLD.opportunity_id AND move_number = OLD.move_number + 1;
END;

CREATE TRIGGER tr_opportunities_follow_ups_insert AFTER INSERT ON opportunities
BEGIN
    UPDATE opportunities SET follow_ups_at_close = (
        SELECT COUNT(*) FROM follow_ups f
        WHERE f.opportunity_id = opportunities.id AND f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at <= opportunities.closed_at)
    WHERE id = NEW.id AND NEW.closed_at IS NOT NULL;
END;

CREATE TRIGGER tr_opportunities_follow_ups_close AFTER UPDATE OF closed_at ON opportunities
BEGIN
    UPDATE opportunities SET follow_ups_at_close = (
        SELECT COUNT(*) FROM follow_ups f
        WHERE f.opportunity_id = opportunities.id AND f.status = 'completed' AND f.deleted_at IS NULL AND f.completed_at <= opportunities.closed_at)
    WHERE id = NEW.id;
END;
