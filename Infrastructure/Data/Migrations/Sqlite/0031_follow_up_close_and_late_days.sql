-- Follow-up discipline's last two reads of records, as day rollups with organisation rows (as 0021's advances):
--
-- closed_deal_follow_up_days: per owner (the deal's current one), local day of closed_at, pipeline, outcome (won or lost)
-- and completed follow-ups up to the close (opportunities.follow_ups_at_close, 0013), how many deals: the live deals whose
-- current outcome is won or lost. The follow-up count as a key keeps the median exact.
-- Triggers on opportunities keep it exact: every change to those columns (a deal written or closed, reopened, reassigned,
-- moved to another pipeline, soft-deleted or restored, its count moved by a follow-up completed, deleted or restored
-- later, which 0013's triggers write onto the deal) subtracts the deal's old contribution and adds its new one.
--
-- late_follow_up_days: per owner, local day of completed_at and lateness in ms (completed_at - due_at), how many live
-- follow-ups were completed after their due time. The exact lateness as a key keeps the median exact (due times and
-- completions on whole minutes or hours share few values; in the worst case a row holds one follow-up). No pipeline:
-- a pipeline's late follow-ups are read from the records (ix_follow_ups_late, 0021). Triggers on follow_ups keep it.
--
-- Organisation rows (owner '00000000-0000-0000-0000-000000000000') sum every owner's rows, kept by triggers on each
-- rollup as 0016 does. Metrics/Rollups/FollowUpOutcomeDayRollup rebuilds both.

CREATE TABLE closed_deal_follow_up_days (
    owner_id TEXT NOT NULL,
    day TEXT NOT NULL,
    pipeline_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    follow_ups INTEGER NOT NULL,
    deals INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, day, pipeline_id, outcome, follow_ups)
) WITHOUT ROWID;

CREATE TABLE late_follow_up_days (
    owner_id TEXT NOT NULL,
    day TEXT NOT NULL,
    late_ms INTEGER NOT NULL,
    follow_ups INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, day, late_ms)
) WITHOUT ROWID;

CREATE TRIGGER tr_opportunities_closed_follow_up_days_insert AFTER INSERT ON opportunities
WHEN NEW.outcome IN ('won', 'lost') AND NEW.closed_at IS NOT NULL AND NEW.deleted_at IS NULL
BEGIN
    INSERT INTO closed_deal_follow_up_days (owner_id, day, pipeline_id, outcome, follow_ups, deals)
    SELECT NEW.owner_id, c.day, NEW.pipeline_id, NEW.outcome, NEW.follow_ups_at_close, 1
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.closed_at)
    ON CONFLICT (owner_id, day, pipeline_id, outcome, follow_ups) DO UPDATE SET deals = deals + excluded.deals;
END;

CREATE TRIGGER tr_opportunities_closed_follow_up_days_update
AFTER UPDATE OF owner_id, pipeline_id, closed_at, outcome, deleted_at, follow_ups_at_close ON opportunities
WHEN OLD.owner_id IS NOT NEW.owner_id OR OLD.pipeline_id IS NOT NEW.pipeline_id OR OLD.closed_at IS NOT NEW.closed_at
  OR OLD.outcome IS NOT NEW.outcome OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.follow_ups_at_close <> NEW.follow_ups_at_close
BEGIN
    INSERT INTO closed_deal_follow_up_days (owner_id, day, pipeline_id, outcome, follow_ups, deals)
    SELECT OLD.owner_id, c.day, OLD.pipeline_id, OLD.outcome, OLD.follow_ups_at_close, -1
    FROM metric_calendar c
    WHERE OLD.outcome IN ('won', 'lost') AND OLD.closed_at IS NOT NULL AND OLD.deleted_at IS NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.closed_at)
    ON CONFLICT (owner_id, day, pipeline_id, outcome, follow_ups) DO UPDATE SET deals = deals + excluded.deals;
    INSERT INTO closed_deal_follow_up_days (owner_id, day, pipeline_id, outcome, follow_ups, deals)
    SELECT NEW.owner_id, c.day, NEW.pipeline_id, NEW.outcome, NEW.follow_ups_at_close, 1
    FROM metric_calendar c
    WHERE NEW.outcome IN ('won', 'lost') AND NEW.closed_at IS NOT NULL AND NEW.deleted_at IS NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.closed_at)
    ON CONFLICT (owner_id, day, pipeline_id, outcome, follow_ups) DO UPDATE SET deals = deals + excluded.deals;
END;

CREATE TRIGGER tr_opportunities_closed_follow_up_days_delete AFTER DELETE ON opportunities
WHEN OLD.outcome IN ('won', 'lost') AND OLD.closed_at IS NOT NULL AND OLD.deleted_at IS NULL
BEGIN
    INSERT INTO closed_deal_follow_up_days (owner_id, day, pipeline_id, outcome, follow_ups, deals)
    SELECT OLD.owner_id, c.day, OLD.pipeline_id, OLD.outcome, OLD.follow_ups_at_close, -1
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.closed_at)
    ON CONFLICT (owner_id, day, pipeline_id, outcome, follow_ups) DO UPDATE SET deals = deals + excluded.deals;
END;

CREATE TRIGGER tr_closed_deal_follow_up_days_organisation_insert AFTER INSERT ON closed_deal_follow_up_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO closed_deal_follow_up_days (owner_id, day, pipeline_id, outcome, follow_ups, deals)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.pipeline_id, NEW.outcome, NEW.follow_ups, NEW.deals)
    ON CONFLICT (owner_id, day, pipeline_id, outcome, follow_ups) DO UPDATE SET deals = deals + excluded.deals;
END;

CREATE TRIGGER tr_closed_deal_follow_up_days_organisation_update AFTER UPDATE ON closed_deal_follow_up_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO closed_deal_follow_up_days (owner_id, day, pipeline_id, outcome, follow_ups, deals)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.pipeline_id, NEW.outcome, NEW.follow_ups, NEW.deals - OLD.deals)
    ON CONFLICT (owner_id, day, pipeline_id, outcome, follow_ups) DO UPDATE SET deals = deals + excluded.deals;
END;

CREATE TRIGGER tr_follow_ups_late_days_insert AFTER INSERT ON follow_ups
WHEN NEW.status = 'completed' AND NEW.deleted_at IS NULL AND NEW.completed_at > NEW.due_at
BEGIN
    INSERT INTO late_follow_up_days (owner_id, day, late_ms, follow_ups)
    SELECT NEW.owner_id, c.day, NEW.completed_at - NEW.due_at, 1
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.completed_at)
    ON CONFLICT (owner_id, day, late_ms) DO UPDATE SET follow_ups = follow_ups + excluded.follow_ups;
END;

CREATE TRIGGER tr_follow_ups_late_days_update AFTER UPDATE OF owner_id, due_at, status, completed_at, deleted_at ON follow_ups
WHEN OLD.owner_id IS NOT NEW.owner_id OR OLD.due_at IS NOT NEW.due_at OR OLD.status IS NOT NEW.status
  OR OLD.completed_at IS NOT NEW.completed_at OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
    INSERT INTO late_follow_up_days (owner_id, day, late_ms, follow_ups)
    SELECT OLD.owner_id, c.day, OLD.completed_at - OLD.due_at, -1
    FROM metric_calendar c
    WHERE OLD.status = 'completed' AND OLD.deleted_at IS NULL AND OLD.completed_at > OLD.due_at
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.completed_at)
    ON CONFLICT (owner_id, day, late_ms) DO UPDATE SET follow_ups = follow_ups + excluded.follow_ups;
    INSERT INTO late_follow_up_days (owner_id, day, late_ms, follow_ups)
    SELECT NEW.owner_id, c.day, NEW.completed_at - NEW.due_at, 1
    FROM metric_calendar c
    WHERE NEW.status = 'completed' AND NEW.deleted_at IS NULL AND NEW.completed_at > NEW.due_at
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.completed_at)
    ON CONFLICT (owner_id, day, late_ms) DO UPDATE SET follow_ups = follow_ups + excluded.follow_ups;
END;

CREATE TRIGGER tr_follow_ups_late_days_delete AFTER DELETE ON follow_ups
WHEN OLD.status = 'completed' AND OLD.deleted_at IS NULL AND OLD.completed_at > OLD.due_at
BEGIN
    INSERT INTO late_follow_up_days (owner_id, day, late_ms, follow_ups)
    SELECT OLD.owner_id, c.day, OLD.completed_at - OLD.due_at, -1
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.completed_at)
    ON CONFLICT (owner_id, day, late_ms) DO UPDATE SET follow_ups = follow_ups + excluded.follow_ups;
END;

CREATE TRIGGER tr_late_follow_up_days_organisation_insert AFTER INSERT ON late_follow_up_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO late_follow_up_days (owner_id, day, late_ms, follow_ups)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.late_ms, NEW.follow_ups)
    ON CONFLICT (owner_id, day, late_ms) DO UPDATE SET follow_ups = follow_ups + excluded.follow_ups;
END;

CREATE TRIGGER tr_late_follow_up_days_organisation_update AFTER UPDATE ON late_follow_up_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO late_follow_up_days (owner_id, day, late_ms, follow_ups)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.late_ms, NEW.follow_ups - OLD.follow_ups)
    ON CONFLICT (owner_id, day, late_ms) DO UPDATE SET follow_ups = follow_ups + excluded.follow_ups;
END;
