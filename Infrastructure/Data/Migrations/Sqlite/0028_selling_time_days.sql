-- selling_time_days: per owner and local day of the organisation's zone, what selling time sums (SellingTimeMetricsStore's
-- Sums) over the activities that are selling time without regard to the clock: live calls, emails and meetings, a meeting
-- only if not cancelled. The one rule that depends on the clock (a meeting counts only once started) is applied when read:
-- the store reads these rows for the whole days before today and the activities themselves from the start of today.
-- Triggers on activities keep it exact: an insert adds the row's contribution, a delete subtracts it, an update of a
-- column that matters subtracts the old one and adds the new one.
-- Organisation rows (owner '00000000-0000-0000-0000-000000000000') sum every owner's rows, kept by triggers on the rollup
-- as 0021 does. SellingTimeDayRollup rebuilds it.
CREATE TABLE selling_time_days (
    owner_id TEXT NOT NULL,
    day TEXT NOT NULL,
    call_seconds INTEGER NOT NULL DEFAULT 0,
    meeting_seconds INTEGER NOT NULL DEFAULT 0,
    email_seconds INTEGER NOT NULL DEFAULT 0,
    timed INTEGER NOT NULL DEFAULT 0,
    untimed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, day)
) WITHOUT ROWID;

CREATE TRIGGER tr_activities_selling_time_days_insert AFTER INSERT ON activities
WHEN NEW.deleted_at IS NULL AND NEW.type IN ('call', 'email', 'meeting') AND (NEW.type <> 'meeting' OR COALESCE(NEW.outcome, '') <> 'cancelled')
BEGIN
    INSERT INTO selling_time_days (owner_id, day, call_seconds, meeting_seconds, email_seconds, timed, untimed)
    SELECT NEW.owner_id, c.day,
        CASE WHEN NEW.type = 'call' THEN COALESCE(NEW.duration_seconds, 0) ELSE 0 END,
        CASE WHEN NEW.type = 'meeting' THEN COALESCE(NEW.duration_seconds, 0) ELSE 0 END,
        CASE WHEN NEW.type = 'email' THEN COALESCE(NEW.duration_seconds, 0) ELSE 0 END,
        CASE WHEN NEW.duration_seconds IS NOT NULL THEN 1 ELSE 0 END,
        CASE WHEN NEW.duration_seconds IS NULL THEN 1 ELSE 0 END
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.occurred_at)
    ON CONFLICT (owner_id, day) DO UPDATE SET call_seconds = call_seconds + excluded.call_seconds, meeting_seconds = meeting_seconds + excluded.meeting_seconds,
        email_seconds = email_seconds + excluded.email_seconds, timed = timed + excluded.timed, untimed = untimed + excluded.untimed;
END;

CREATE TRIGGER tr_activities_selling_time_days_delete AFTER DELETE ON activities
WHEN OLD.deleted_at IS NULL AND OLD.type IN ('call', 'email', 'meeting') AND (OLD.type <> 'meeting' OR COALESCE(OLD.outcome, '') <> 'cancelled')
BEGIN
    INSERT INTO selling_time_days (owner_id, day, call_seconds, meeting_seconds, email_seconds, timed, untimed)
    SELECT OLD.owner_id, c.day,
        CASE WHEN OLD.type = 'call' THEN -COALESCE(OLD.duration_seconds, 0) ELSE 0 END,
        CASE WHEN OLD.type = 'meeting' THEN -COALESCE(OLD.duration_seconds, 0) ELSE 0 END,
        CASE WHEN OLD.type = 'email' THEN -COALESCE(OLD.duration_seconds, 0) ELSE 0 END,
        CASE WHEN OLD.duration_seconds IS NOT NULL THEN -1 ELSE 0 END,
        CASE WHEN OLD.duration_seconds IS NULL THEN -1 ELSE 0 END
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.occurred_at)
    ON CONFLICT (owner_id, day) DO UPDATE SET call_seconds = call_seconds + excluded.call_seconds, meeting_seconds = meeting_seconds + excluded.meeting_seconds,
        email_seconds = email_seconds + excluded.email_seconds, timed = timed + excluded.timed, untimed = untimed + excluded.untimed;
END;

CREATE TRIGGER tr_activities_selling_time_days_update
AFTER UPDATE OF type, owner_id, occurred_at, duration_seconds, outcome, deleted_at ON activities
WHEN OLD.type IS NOT NEW.type OR OLD.owner_id IS NOT NEW.owner_id OR OLD.occurred_at IS NOT NEW.occurred_at
  OR OLD.duration_seconds IS NOT NEW.duration_seconds OR OLD.outcome IS NOT NEW.outcome OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
    INSERT INTO selling_time_days (owner_id, day, call_seconds, meeting_seconds, email_seconds, timed, untimed)
    SELECT OLD.owner_id, c.day,
        CASE WHEN OLD.type = 'call' THEN -COALESCE(OLD.duration_seconds, 0) ELSE 0 END,
        CASE WHEN OLD.type = 'meeting' THEN -COALESCE(OLD.duration_seconds, 0) ELSE 0 END,
        CASE WHEN OLD.type = 'email' THEN -COALESCE(OLD.duration_seconds, 0) ELSE 0 END,
        CASE WHEN OLD.duration_seconds IS NOT NULL THEN -1 ELSE 0 END,
        CASE WHEN OLD.duration_seconds IS NULL THEN -1 ELSE 0 END
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL AND OLD.type IN ('call', 'email', 'meeting') AND (OLD.type <> 'meeting' OR COALESCE(OLD.outcome, '') <> 'cancelled')
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.occurred_at)
    ON CONFLICT (owner_id, day) DO UPDATE SET call_seconds = call_seconds + excluded.call_seconds, meeting_seconds = meeting_seconds + excluded.meeting_seconds,
        email_seconds = email_seconds + excluded.email_seconds, timed = timed + excluded.timed, untimed = untimed + excluded.untimed;
    INSERT INTO selling_time_days (owner_id, day, call_seconds, meeting_seconds, email_seconds, timed, untimed)
    SELECT NEW.owner_id, c.day,
        CASE WHEN NEW.type = 'call' THEN COALESCE(NEW.duration_seconds, 0) ELSE 0 END,
        CASE WHEN NEW.type = 'meeting' THEN COALESCE(NEW.duration_seconds, 0) ELSE 0 END,
        CASE WHEN NEW.type = 'email' THEN COALESCE(NEW.duration_seconds, 0) ELSE 0 END,
        CASE WHEN NEW.duration_seconds IS NOT NULL THEN 1 ELSE 0 END,
        CASE WHEN NEW.duration_seconds IS NULL THEN 1 ELSE 0 END
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL AND NEW.type IN ('call', 'email', 'meeting') AND (NEW.type <> 'meeting' OR COALESCE(NEW.outcome, '') <> 'cancelled')
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.occurred_at)
    ON CONFLICT (owner_id, day) DO UPDATE SET call_seconds = call_seconds + excluded.call_seconds, meeting_seconds = meeting_seconds + excluded.meeting_seconds,
        email_seconds = email_seconds + excluded.email_seconds, timed = timed + excluded.timed, untimed = untimed + excluded.untimed;
END;

CREATE TRIGGER tr_selling_time_days_organisation_insert AFTER INSERT ON selling_time_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO selling_time_days (owner_id, day, call_seconds, meeting_seconds, email_seconds, timed, untimed)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.call_seconds, NEW.meeting_seconds, NEW.email_seconds, NEW.timed, NEW.untimed)
    ON CONFLICT (owner_id, day) DO UPDATE SET call_seconds = call_seconds + excluded.call_seconds, meeting_seconds = meeting_seconds + excluded.meeting_seconds,
        email_seconds = email_seconds + excluded.email_seconds, timed = timed + excluded.timed, untimed = untimed + excluded.untimed;
END;

CREATE TRIGGER tr_selling_time_days_organisation_update AFTER UPDATE ON selling_time_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO selling_time_days (owner_id, day, call_seconds, meeting_seconds, email_seconds, timed, untimed)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.call_seconds - OLD.call_seconds, NEW.meeting_seconds - OLD.meeting_seconds,
            NEW.email_seconds - OLD.email_seconds, NEW.timed - OLD.timed, NEW.untimed - OLD.untimed)
    ON CONFLICT (owner_id, day) DO UPDATE SET call_seconds = call_seconds + excluded.call_seconds, meeting_seconds = meeting_seconds + excluded.meeting_seconds,
        email_seconds = email_seconds + excluded.email_seconds, timed = timed + excluded.timed, untimed = untimed + excluded.untimed;
END;
