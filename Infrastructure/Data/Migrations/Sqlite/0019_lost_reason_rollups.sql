-- Lost reasons and competitors per day: lost_reason_days holds, per local day of closed_at, current owner, pipeline,
-- lost reason (00000000-0000-0000-0000-000000000000 when none) and competitor ('' when none), the live opportunities
-- whose current outcome is lost, and their current amounts. Kept by triggers on opportunities in the same transaction as
-- every write that changes them (the old contribution subtracted, the new one added), with organisation rows (owner
-- 00000000-0000-0000-0000-000000000000) kept by triggers on the table itself as in 0016; rebuilt from the records by
-- Rollups/LostReasonDayRollup. The lost-reasons endpoint reads it instead of the window's lost deals.

CREATE TABLE lost_reason_days (
    day TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    pipeline_id TEXT NOT NULL,
    lost_reason_id TEXT NOT NULL,
    competitor TEXT NOT NULL,
    lost INTEGER NOT NULL DEFAULT 0,
    lost_amount INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, owner_id, pipeline_id, lost_reason_id, competitor)
) WITHOUT ROWID;

CREATE INDEX ix_lost_reason_days_owner ON lost_reason_days (owner_id, day);

CREATE TRIGGER tr_opportunities_lost_reason_insert AFTER INSERT ON opportunities
WHEN NEW.outcome = 'lost'
BEGIN
    INSERT INTO lost_reason_days (day, owner_id, pipeline_id, lost_reason_id, competitor, lost, lost_amount)
    SELECT c.day, NEW.owner_id, NEW.pipeline_id, COALESCE(NEW.lost_reason_id, '00000000-0000-0000-0000-000000000000'), COALESCE(NEW.competitor, ''), 1, NEW.amount
    FROM metric_calendar c
    WHERE NEW.outcome = 'lost' AND NEW.deleted_at IS NULL AND NEW.closed_at IS NOT NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.closed_at)
    ON CONFLICT (day, owner_id, pipeline_id, lost_reason_id, competitor) DO UPDATE SET lost = lost + excluded.lost, lost_amount = lost_amount + excluded.lost_amount;
END;

CREATE TRIGGER tr_opportunities_lost_reason_delete AFTER DELETE ON opportunities
WHEN OLD.outcome = 'lost'
BEGIN
    INSERT INTO lost_reason_days (day, owner_id, pipeline_id, lost_reason_id, competitor, lost, lost_amount)
    SELECT c.day, OLD.owner_id, OLD.pipeline_id, COALESCE(OLD.lost_reason_id, '00000000-0000-0000-0000-000000000000'), COALESCE(OLD.competitor, ''), -1, -OLD.amount
    FROM metric_calendar c
    WHERE OLD.outcome = 'lost' AND OLD.deleted_at IS NULL AND OLD.closed_at IS NOT NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.closed_at)
    ON CONFLICT (day, owner_id, pipeline_id, lost_reason_id, competitor) DO UPDATE SET lost = lost + excluded.lost, lost_amount = lost_amount + excluded.lost_amount;
END;

CREATE TRIGGER tr_opportunities_lost_reason_update AFTER UPDATE OF owner_id, pipeline_id, closed_at, outcome, amount, lost_reason_id, competitor, deleted_at ON opportunities
WHEN (OLD.outcome = 'lost' OR NEW.outcome = 'lost')
     AND (OLD.owner_id IS NOT NEW.owner_id OR OLD.pipeline_id IS NOT NEW.pipeline_id OR OLD.closed_at IS NOT NEW.closed_at
          OR OLD.outcome IS NOT NEW.outcome OR OLD.amount IS NOT NEW.amount OR OLD.lost_reason_id IS NOT NEW.lost_reason_id
          OR OLD.competitor IS NOT NEW.competitor OR OLD.deleted_at IS NOT NEW.deleted_at)
BEGIN
    INSERT INTO lost_reason_days (day, owner_id, pipeline_id, lost_reason_id, competitor, lost, lost_amount)
    SELECT c.day, OLD.owner_id, OLD.pipeline_id, COALESCE(OLD.lost_reason_id, '00000000-0000-0000-0000-000000000000'), COALESCE(OLD.competitor, ''), -1, -OLD.amount
    FROM metric_calendar c
    WHERE OLD.outcome = 'lost' AND OLD.deleted_at IS NULL AND OLD.closed_at IS NOT NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.closed_at)
    ON CONFLICT (day, owner_id, pipeline_id, lost_reason_id, competitor) DO UPDATE SET lost = lost + excluded.lost, lost_amount = lost_amount + excluded.lost_amount;
    INSERT INTO lost_reason_days (day, owner_id, pipeline_id, lost_reason_id, competitor, lost, lost_amount)
    SELECT c.day, NEW.owner_id, NEW.pipeline_id, COALESCE(NEW.lost_reason_id, '00000000-0000-0000-0000-000000000000'), COALESCE(NEW.competitor, ''), 1, NEW.amount
    FROM metric_calendar c
    WHERE NEW.outcome = 'lost' AND NEW.deleted_at IS NULL AND NEW.closed_at IS NOT NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.closed_at)
    ON CONFLICT (day, owner_id, pipeline_id, lost_reason_id, competitor) DO UPDATE SET lost = lost + excluded.lost, lost_amount = lost_amount + excluded.lost_amount;
END;

CREATE TRIGGER tr_lost_reason_days_organisation_insert AFTER INSERT ON lost_reason_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO lost_reason_days (day, owner_id, pipeline_id, lost_reason_id, competitor, lost, lost_amount)
    VALUES (NEW.day, '00000000-0000-0000-0000-000000000000', NEW.pipeline_id, NEW.lost_reason_id, NEW.competitor, NEW.lost, NEW.lost_amount)
    ON CONFLICT (day, owner_id, pipeline_id, lost_reason_id, competitor) DO UPDATE SET lost = lost + excluded.lost, lost_amount = lost_amount + excluded.lost_amount;
END;

CREATE TRIGGER tr_lost_reason_days_organisation_update AFTER UPDATE ON lost_reason_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO lost_reason_days (day, owner_id, pipeline_id, lost_reason_id, competitor, lost, lost_amount)
    VALUES (NEW.day, '00000000-0000-0000-0000-000000000000', NEW.pipeline_id, NEW.lost_reason_id, NEW.competitor, NEW.lost - OLD.lost, NEW.lost_amount - OLD.lost_amount)
    ON CONFLICT (day, owner_id, pipeline_id, lost_reason_id, competitor) DO UPDATE SET lost = lost + excluded.lost, lost_amount = lost_amount + excluded.lost_amount;
END;
