-- Organisation totals in the day rollups: the rows of owner '00000000-0000-0000-0000-000000000000' hold, for each day (and each
-- other key of the rollup), the sum of every owner's rows, kept by triggers on the rollup itself (each change to an
-- owner's row adds the same change to the organisation's row, in the same statement and transaction), so an
-- organisation-wide metric reads one row per day whatever the number of reps. Readers pick rows with
-- MetricSql.RollupOwners; the rebuild (Rollups/DayRollups) fills them through these triggers.

CREATE TRIGGER tr_activity_days_organisation_insert AFTER INSERT ON activity_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO activity_days (day, owner_id, outbound_calls, inbound_calls, connected_calls, emails_sent, email_replies, emails_received, meetings, meetings_held, notes, meetings_booked)
    VALUES (NEW.day, '00000000-0000-0000-0000-000000000000', NEW.outbound_calls, NEW.inbound_calls, NEW.connected_calls, NEW.emails_sent, NEW.email_replies, NEW.emails_received, NEW.meetings, NEW.meetings_held, NEW.notes, NEW.meetings_booked)
    ON CONFLICT (day, owner_id) DO UPDATE SET outbound_calls = outbound_calls + excluded.outbound_calls, inbound_calls = inbound_calls + excluded.inbound_calls, connected_calls = connected_calls + excluded.connected_calls, emails_sent = emails_sent + excluded.emails_sent, email_replies = email_replies + excluded.email_replies, emails_received = emails_received + excluded.emails_received, meetings = meetings + excluded.meetings, meetings_held = meetings_held + excluded.meetings_held, notes = notes + excluded.notes, meetings_booked = meetings_booked + excluded.meetings_booked;
END;

CREATE TRIGGER tr_activity_days_organisation_update AFTER UPDATE ON activity_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO activity_days (day, owner_id, outbound_calls, inbound_calls, connected_calls, emails_sent, email_replies, emails_received, meetings, meetings_held, notes, meetings_booked)
    VALUES (NEW.day, '00000000-0000-0000-0000-000000000000', NEW.outbound_calls - OLD.outbound_calls, NEW.inbound_calls - OLD.inbound_calls, NEW.connected_calls - OLD.connected_calls, NEW.emails_sent - OLD.emails_sent, NEW.email_replies - OLD.email_replies, NEW.emails_received - OLD.emails_received, NEW.meetings - OLD.meetings, NEW.meetings_held - OLD.meetings_held, NEW.notes - OLD.notes, NEW.meetings_booked - OLD.meetings_booked)
    ON CONFLICT (day, owner_id) DO UPDATE SET outbound_calls = outbound_calls + excluded.outbound_calls, inbound_calls = inbound_calls + excluded.inbound_calls, connected_calls = connected_calls + excluded.connected_calls, emails_sent = emails_sent + excluded.emails_sent, email_replies = email_replies + excluded.email_replies, emails_received = emails_received + excluded.emails_received, meetings = meetings + excluded.meetings, meetings_held = meetings_held + excluded.meetings_held, notes = notes + excluded.notes, meetings_booked = meetings_booked + excluded.meetings_booked;
END;

CREATE TRIGGER tr_opportunity_days_organisation_insert AFTER INSERT ON opportunity_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO opportunity_days (day, owner_id, pipeline_id, created, won, won_amount, lost, opened, closed)
    VALUES (NEW.day, '00000000-0000-0000-0000-000000000000', NEW.pipeline_id, NEW.created, NEW.won, NEW.won_amount, NEW.lost, NEW.opened, NEW.closed)
    ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET created = created + excluded.created, won = won + excluded.won, won_amount = won_amount + excluded.won_amount, lost = lost + excluded.lost, opened = opened + excluded.opened, closed = closed + excluded.closed;
END;

CREATE TRIGGER tr_opportunity_days_organisation_update AFTER UPDATE ON opportunity_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO opportunity_days (day, owner_id, pipeline_id, created, won, won_amount, lost, opened, closed)
    VALUES (NEW.day, '00000000-0000-0000-0000-000000000000', NEW.pipeline_id, NEW.created - OLD.created, NEW.won - OLD.won, NEW.won_amount - OLD.won_amount, NEW.lost - OLD.lost, NEW.opened - OLD.opened, NEW.closed - OLD.closed)
    ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET created = created + excluded.created, won = won + excluded.won, won_amount = won_amount + excluded.won_amount, lost = lost + excluded.lost, opened = opened + excluded.opened, closed = closed + excluded.closed;
END;
