-- Late follow-ups in whole-hour buckets, as lead response time (0030) keeps its leads: 0031 keyed late_follow_up_days by
-- the exact lateness in ms, which real completions almost never share, so it held about one row per late follow-up.
--   late_hour  (on follow_ups) the whole hours of completed_at - due_at rounded up when the follow-up was completed after
--              its due time (k for more than k - 1 and at most k hours: 1 ms late is hour 1), NULL otherwise. Its order is
--              the order of the lateness, so a median's bucket is found from the counts and only that bucket's follow-ups
--              are read (ix_follow_ups_late_hour).
--   late_follow_up_days  per owner, local day of completed_at and late_hour: the live follow-ups completed after their due
--              time, and the sum of their exact lateness in ms (so the average is exact from the sums).
-- Triggers on follow_ups keep it exact (insert, delete, update of owner, due time, status, completion time or deleted_at
-- subtract the row's old contribution and add its new one). Organisation rows (owner '00000000-0000-0000-0000-000000000000')
-- sum every owner's rows, kept by triggers on the rollup as 0016 does. Metrics/Rollups/FollowUpOutcomeDayRollup (version
-- 2) rebuilds it on start-up.
DROP TRIGGER tr_follow_ups_late_days_insert;
DROP TRIGGER tr_follow_ups_late_days_update;
DROP TRIGGER tr_follow_ups_late_days_delete;
DROP TRIGGER tr_late_follow_up_days_organisation_insert;
DROP TRIGGER tr_late_follow_up_days_organisation_update;
DROP TABLE late_follow_up_days;

ALTER TABLE follow_ups ADD COLUMN late_hour INTEGER GENERATED ALWAYS AS (
    CASE WHEN completed_at > due_at THEN (completed_at - due_at + 3599999) / 3600000 END) VIRTUAL;

CREATE INDEX ix_follow_ups_late_hour ON follow_ups (late_hour, completed_at, owner_id, due_at)
    WHERE status = 'completed' AND deleted_at IS NULL AND completed_at > due_at;

CREATE TABLE late_follow_up_days (
    owner_id TEXT NOT NULL,
    day TEXT NOT NULL,
    late_hour INTEGER NOT NULL,
    follow_ups INTEGER NOT NULL DEFAULT 0,
    late_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, day, late_hour)
) WITHOUT ROWID;

CREATE TRIGGER tr_follow_ups_late_days_insert AFTER INSERT ON follow_ups
WHEN NEW.status = 'completed' AND NEW.deleted_at IS NULL AND NEW.completed_at > NEW.due_at
BEGIN
    INSERT INTO late_follow_up_days (owner_id, day, late_hour, follow_ups, late_ms)
    SELECT NEW.owner_id, c.day, NEW.late_hour, 1, NEW.completed_at - NEW.due_at
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.completed_at)
    ON CONFLICT (owner_id, day, late_hour) DO UPDATE
        SET follow_ups = follow_ups + excluded.follow_ups, late_ms = late_ms + excluded.late_ms;
END;

CREATE TRIGGER tr_follow_ups_late_days_update AFTER UPDATE OF owner_id, due_at, status, completed_at, deleted_at ON follow_ups
WHEN OLD.owner_id IS NOT NEW.owner_id OR OLD.due_at IS NOT NEW.due_at OR OLD.status IS NOT NEW.status
  OR OLD.completed_at IS NOT NEW.completed_at OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
    INSERT INTO late_follow_up_days (owner_id, day, late_hour, follow_ups, late_ms)
    SELECT OLD.owner_id, c.day, OLD.late_hour, -1, -(OLD.completed_at - OLD.due_at)
    FROM metric_calendar c
    WHERE OLD.status = 'completed' AND OLD.deleted_at IS NULL AND OLD.completed_at > OLD.due_at
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.completed_at)
    ON CONFLICT (owner_id, day, late_hour) DO UPDATE
        SET follow_ups = follow_ups + excluded.follow_ups, late_ms = late_ms + excluded.late_ms;
    INSERT INTO late_follow_up_days (owner_id, day, late_hour, follow_ups, late_ms)
    SELECT NEW.owner_id, c.day, NEW.late_hour, 1, NEW.completed_at - NEW.due_at
    FROM metric_calendar c
    WHERE NEW.status = 'completed' AND NEW.deleted_at IS NULL AND NEW.completed_at > NEW.due_at
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.completed_at)
    ON CONFLICT (owner_id, day, late_hour) DO UPDATE
        SET follow_ups = follow_ups + excluded.follow_ups, late_ms = late_ms + excluded.late_ms;
END;

CREATE TRIGGER tr_follow_ups_late_days_delete AFTER DELETE ON follow_ups
WHEN OLD.status = 'completed' AND OLD.deleted_at IS NULL AND OLD.completed_at > OLD.due_at
BEGIN
    INSERT INTO late_follow_up_days (owner_id, day, late_hour, follow_ups, late_ms)
    SELECT OLD.owner_id, c.day, OLD.late_hour, -1, -(OLD.completed_at - OLD.due_at)
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.completed_at)
    ON CONFLICT (owner_id, day, late_hour) DO UPDATE
        SET follow_ups = follow_ups + excluded.follow_ups, late_ms = late_ms + excluded.late_ms;
END;

CREATE TRIGGER tr_late_follow_up_days_organisation_insert AFTER INSERT ON late_follow_up_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO late_follow_up_days (owner_id, day, late_hour, follow_ups, late_ms)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.late_hour, NEW.follow_ups, NEW.late_ms)
    ON CONFLICT (owner_id, day, late_hour) DO UPDATE
        SET follow_ups = follow_ups + excluded.follow_ups, late_ms = late_ms + excluded.late_ms;
END;

CREATE TRIGGER tr_late_follow_up_days_organisation_update AFTER UPDATE ON late_follow_up_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO late_follow_up_days (owner_id, day, late_hour, follow_ups, late_ms)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.late_hour, NEW.follow_ups - OLD.follow_ups, NEW.late_ms - OLD.late_ms)
    ON CONFLICT (owner_id, day, late_hour) DO UPDATE
        SET follow_ups = follow_ups + excluded.follow_ups, late_ms = late_ms + excluded.late_ms;
END;
