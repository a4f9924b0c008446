-- Day rollups of activities, kept exact by triggers in the same transaction as every write to activities.
-- metric_calendar holds each local calendar day of the organisation's time zone with the UTC instant it starts
-- (1970-01-01 to 2099-12-31; filled and refilled by MetricCalendar whenever the zone changes, which also rebuilds
-- activity_days). activity_days counts, per owner and local day, what section A of the metrics reports: calls, emails,
-- meetings and notes by the day they happened, and meetings booked by the day they were booked (recorded, or started
-- when recorded afterwards). Soft-deleted activities are not counted; an update moves the row's counts.

CREATE TABLE metric_calendar (
    day TEXT NOT NULL PRIMARY KEY,
    starts_at INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;

CREATE TABLE metric_calendar_zone (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    time_zone TEXT NOT NULL
);

CREATE TABLE activity_days (
    day TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    outbound_calls INTEGER NOT NULL DEFAULT 0,
    inbound_calls INTEGER NOT NULL DEFAULT 0,
    connected_calls INTEGER NOT NULL DEFAULT 0,
    emails_sent INTEGER NOT NULL DEFAULT 0,
    email_replies INTEGER NOT NULL DEFAULT 0,
    emails_received INTEGER NOT NULL DEFAULT 0,
    meetings INTEGER NOT NULL DEFAULT 0,
    meetings_held INTEGER NOT NULL DEFAULT 0,
    notes INTEGER NOT NULL DEFAULT 0,
    meetings_booked INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, owner_id)
) WITHOUT ROWID;

CREATE INDEX ix_activity_days_owner ON activity_days (owner_id, day);

CREATE TRIGGER tr_activities_rollup_insert AFTER INSERT ON activities
BEGIN
    INSERT INTO activity_days (owner_id, day, outbound_calls, inbound_calls, connected_calls, emails_sent, email_replies, emails_received, meetings, meetings_held, notes)
    SELECT NEW.owner_id, c.day,
        CASE WHEN NEW.type = 'call' AND NEW.direction = 'outbound' THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'call' AND NEW.direction = 'inbound' THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'call' AND NEW.outcome = 'connected' THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'email' AND NEW.direction = 'outbound' THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'email' AND NEW.direction = 'outbound' AND NEW.replied_at IS NOT NULL THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'email' AND NEW.direction = 'inbound' THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'meeting' THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'meeting' AND NEW.outcome = 'held' THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'note' THEN 1 ELSE 0 END
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.occurred_at)
    ON CONFLICT (day, owner_id) DO UPDATE SET outbound_calls = outbound_calls + excluded.outbound_calls, inbound_calls = inbound_calls + excluded.inbound_calls, connected_calls = connected_calls + excluded.connected_calls, emails_sent = emails_sent + excluded.emails_sent, email_replies = email_replies + excluded.email_replies, emails_received = emails_received + excluded.emails_received, meetings = meetings + excluded.meetings, meetings_held = meetings_held + excluded.meetings_held, notes = notes + excluded.notes;
    INSERT INTO activity_days (owner_id, day, meetings_booked)
    SELECT NEW.owner_id, c.day, 1
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL AND NEW.type = 'meeting'
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc
                         WHERE mc.starts_at <= CASE WHEN NEW.occurred_at < NEW.created_at THEN NEW.occurred_at ELSE NEW.created_at END)
    ON CONFLICT (day, owner_id) DO UPDATE SET meetings_booked = meetings_booked + excluded.meetings_booked;
END;

CREATE TRIGGER tr_activities_rollup_delete AFTER DELETE ON activities
BEGIN
    INSERT INTO activity_days (owner_id, day, outbound_calls, inbound_calls, connected_calls, emails_sent, email_replies, emails_received, meetings, meetings_held, notes)
    SELECT OLD.owner_id, c.day,
        CASE WHEN OLD.type = 'call' AND OLD.direction = 'outbound' THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'call' AND OLD.direction = 'inbound' THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'call' AND OLD.outcome = 'connected' THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'email' AND OLD.direction = 'outbound' THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'email' AND OLD.direction = 'outbound' AND OLD.replied_at IS NOT NULL THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'email' AND OLD.direction = 'inbound' THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'meeting' THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'meeting' AND OLD.outcome = 'held' THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'note' THEN -1 ELSE 0 END
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.occurred_at)
    ON CONFLICT (day, owner_id) DO UPDATE SET outbound_calls = outbound_calls + excluded.outbound_calls, inbound_calls = inbound_calls + excluded.inbound_calls, connected_calls = connected_calls + excluded.connected_calls, emails_sent = emails_sent + excluded.emails_sent, email_replies = email_replies + excluded.email_replies, emails_received = emails_received + excluded.emails_received, meetings = meetings + excluded.meetings, meetings_held = meetings_held + excluded.meetings_held, notes = notes + excluded.notes;
    INSERT INTO activity_days (owner_id, day, meetings_booked)
    SELECT OLD.owner_id, c.day, -1
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL AND OLD.type = 'meeting'
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc
                         WHERE mc.starts_at <= CASE WHEN OLD.occurred_at < OLD.created_at THEN OLD.occurred_at ELSE OLD.created_at END)
    ON CONFLICT (day, owner_id) DO UPDATE SET meetings_booked = meetings_booked + excluded.meetings_booked;
END;

CREATE TRIGGER tr_activities_rollup_update AFTER UPDATE OF type, owner_id, occurred_at, created_at, direction, outcome, replied_at, deleted_at ON activities
BEGIN
    INSERT INTO activity_days (owner_id, day, outbound_calls, inbound_calls, connected_calls, emails_sent, email_replies, emails_received, meetings, meetings_held, notes)
    SELECT OLD.owner_id, c.day,
        CASE WHEN OLD.type = 'call' AND OLD.direction = 'outbound' THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'call' AND OLD.direction = 'inbound' THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'call' AND OLD.outcome = 'connected' THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'email' AND OLD.direction = 'outbound' THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'email' AND OLD.direction = 'outbound' AND OLD.replied_at IS NOT NULL THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'email' AND OLD.direction = 'inbound' THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'meeting' THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'meeting' AND OLD.outcome = 'held' THEN -1 ELSE 0 END,
        CASE WHEN OLD.type = 'note' THEN -1 ELSE 0 END
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.occurred_at)
    ON CONFLICT (day, owner_id) DO UPDATE SET outbound_calls = outbound_calls + excluded.outbound_calls, inbound_calls = inbound_calls + excluded.inbound_calls, connected_calls = connected_calls + excluded.connected_calls, emails_sent = emails_sent + excluded.emails_sent, email_replies = email_replies + excluded.email_replies, emails_received = emails_received + excluded.emails_received, meetings = meetings + excluded.meetings, meetings_held = meetings_held + excluded.meetings_held, notes = notes + excluded.notes;
    INSERT INTO activity_days (owner_id, day, meetings_booked)
    SELECT OLD.owner_id, c.day, -1
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL AND OLD.type = 'meeting'
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc
                         WHERE mc.starts_at <= CASE WHEN OLD.occurred_at < OLD.created_at THEN OLD.occurred_at ELSE OLD.created_at END)
    ON CONFLICT (day, owner_id) DO UPDATE SET meetings_booked = meetings_booked + excluded.meetings_booked;
    INSERT INTO activity_days (owner_id, day, outbound_calls, inbound_calls, connected_calls, emails_sent, email_replies, emails_received, meetings, meetings_held, notes)
    SELECT NEW.owner_id, c.day,
        CASE WHEN NEW.type = 'call' AND NEW.direction = 'outbound' THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'call' AND NEW.direction = 'inbound' THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'call' AND NEW.outcome = 'connected' THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'email' AND NEW.direction = 'outbound' THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'email' AND NEW.direction = 'outbound' AND NEW.replied_at IS NOT NULL THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'email' AND NEW.direction = 'inbound' THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'meeting' THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'meeting' AND NEW.outcome = 'held' THEN 1 ELSE 0 END,
        CASE WHEN NEW.type = 'note' THEN 1 ELSE 0 END
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.occurred_at)
    ON CONFLICT (day, owner_id) DO UPDATE SET outbound_calls = outbound_calls + excluded.outbound_calls, inbound_calls = inbound_calls + excluded.inbound_calls, connected_calls = connected_calls + excluded.connected_calls, emails_sent = emails_sent + excluded.emails_sent, email_replies = email_replies + excluded.email_replies, emails_received = emails_received + excluded.emails_received, meetings = meetings + excluded.meetings, meetings_held = meetings_held + excluded.meetings_held, notes = notes + excluded.notes;
    INSERT INTO activity_days (owner_id, day, meetings_booked)
    SELECT NEW.owner_id, c.day, 1
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL AND NEW.type = 'meeting'
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc
                         WHERE mc.starts_at <= CASE WHEN NEW.occurred_at < NEW.created_at THEN NEW.occurred_at ELSE NEW.created_at END)
    ON CONFLICT (day, owner_id) DO UPDATE SET meetings_booked = meetings_booked + excluded.meetings_booked;
END;
