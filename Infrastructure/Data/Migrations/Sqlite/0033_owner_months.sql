-- owner_months: per owner and calendar month of the organisation's zone (month = its first day), the sums of that owner's
-- day rollup rows of the month: won, won_amount from opportunity_days; calls (outbound + inbound), emails (sent +
-- received), meetings and notes from activity_days. Organisation rows (owner '00000000-0000-0000-0000-000000000000') are
-- not summed. Triggers on the two day rollups keep it exact in the same statement as every change to a day row (an
-- insert adds the row, a delete subtracts it, an update subtracts the old row and adds the new one), so a per-rep figure
-- over whole months reads one row per rep and month: quarters for 500 reps are 1,500 rows, not 45,000 days.
-- OwnerMonthRollup rebuilds it from the day rollups.
CREATE TABLE owner_months (
    month TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    won INTEGER NOT NULL DEFAULT 0,
    won_amount INTEGER NOT NULL DEFAULT 0,
    calls INTEGER NOT NULL DEFAULT 0,
    emails INTEGER NOT NULL DEFAULT 0,
    meetings INTEGER NOT NULL DEFAULT 0,
    notes INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, owner_id)
) WITHOUT ROWID;

CREATE INDEX ix_owner_months_owner ON owner_months (owner_id, month);

CREATE TRIGGER tr_opportunity_days_owner_months_insert AFTER INSERT ON opportunity_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000' AND (NEW.won <> 0 OR NEW.won_amount <> 0)
BEGIN
    INSERT INTO owner_months (month, owner_id, won, won_amount)
    VALUES (substr(NEW.day, 1, 7) || '-01', NEW.owner_id, NEW.won, NEW.won_amount)
    ON CONFLICT (month, owner_id) DO UPDATE SET won = won + excluded.won, won_amount = won_amount + excluded.won_amount;
END;

CREATE TRIGGER tr_opportunity_days_owner_months_update AFTER UPDATE ON opportunity_days
WHEN (NEW.owner_id <> '00000000-0000-0000-0000-000000000000' OR OLD.owner_id <> '00000000-0000-0000-0000-000000000000')
  AND (NEW.won <> OLD.won OR NEW.won_amount <> OLD.won_amount OR NEW.day <> OLD.day OR NEW.owner_id <> OLD.owner_id)
BEGIN
    INSERT INTO owner_months (month, owner_id, won, won_amount)
    SELECT substr(OLD.day, 1, 7) || '-01', OLD.owner_id, -OLD.won, -OLD.won_amount
    WHERE OLD.owner_id <> '00000000-0000-0000-0000-000000000000'
    ON CONFLICT (month, owner_id) DO UPDATE SET won = won + excluded.won, won_amount = won_amount + excluded.won_amount;
    INSERT INTO owner_months (month, owner_id, won, won_amount)
    SELECT substr(NEW.day, 1, 7) || '-01', NEW.owner_id, NEW.won, NEW.won_amount
    WHERE NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
    ON CONFLICT (month, owner_id) DO UPDATE SET won = won + excluded.won, won_amount = won_amount + excluded.won_amount;
END;

CREATE TRIGGER tr_opportunity_days_owner_months_delete AFTER DELETE ON opportunity_days
WHEN OLD.owner_id <> '00000000-0000-0000-0000-000000000000' AND (OLD.won <> 0 OR OLD.won_amount <> 0)
BEGIN
    INSERT INTO owner_months (month, owner_id, won, won_amount)
    VALUES (substr(OLD.day, 1, 7) || '-01', OLD.owner_id, -OLD.won, -OLD.won_amount)
    ON CONFLICT (month, owner_id) DO UPDATE SET won = won + excluded.won, won_amount = won_amount + excluded.won_amount;
END;

CREATE TRIGGER tr_activity_days_owner_months_insert AFTER INSERT ON activity_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO owner_months (month, owner_id, calls, emails, meetings, notes)
    VALUES (substr(NEW.day, 1, 7) || '-01', NEW.owner_id, NEW.outbound_calls + NEW.inbound_calls, NEW.emails_sent + NEW.emails_received,
            NEW.meetings, NEW.notes)
    ON CONFLICT (month, owner_id) DO UPDATE SET calls = calls + excluded.calls, emails = emails + excluded.emails,
        meetings = meetings + excluded.meetings, notes = notes + excluded.notes;
END;

CREATE TRIGGER tr_activity_days_owner_months_update AFTER UPDATE ON activity_days
WHEN (NEW.owner_id <> '00000000-0000-0000-0000-000000000000' OR OLD.owner_id <> '00000000-0000-0000-0000-000000000000')
  AND (NEW.outbound_calls <> OLD.outbound_calls OR NEW.inbound_calls <> OLD.inbound_calls OR NEW.emails_sent <> OLD.emails_sent
       OR NEW.emails_received <> OLD.emails_received OR NEW.meetings <> OLD.meetings OR NEW.notes <> OLD.notes
       OR NEW.day <> OLD.day OR NEW.owner_id <> OLD.owner_id)
BEGIN
    INSERT INTO owner_months (month, owner_id, calls, emails, meetings, notes)
    SELECT substr(OLD.day, 1, 7) || '-01', OLD.owner_id, -(OLD.outbound_calls + OLD.inbound_calls), -(OLD.emails_sent + OLD.emails_received),
           -OLD.meetings, -OLD.notes
    WHERE OLD.owner_id <> '00000000-0000-0000-0000-000000000000'
    ON CONFLICT (month, owner_id) DO UPDATE SET calls = calls + excluded.calls, emails = emails + excluded.emails,
        meetings = meetings + excluded.meetings, notes = notes + excluded.notes;
    INSERT INTO owner_months (month, owner_id, calls, emails, meetings, notes)
    SELECT substr(NEW.day, 1, 7) || '-01', NEW.owner_id, NEW.outbound_calls + NEW.inbound_calls, NEW.emails_sent + NEW.emails_received,
           NEW.meetings, NEW.notes
    WHERE NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
    ON CONFLICT (month, owner_id) DO UPDATE SET calls = calls + excluded.calls, emails = emails + excluded.emails,
        meetings = meetings + excluded.meetings, notes = notes + excluded.notes;
END;

CREATE TRIGGER tr_activity_days_owner_months_delete AFTER DELETE ON activity_days
WHEN OLD.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO owner_months (month, owner_id, calls, emails, meetings, notes)
    VALUES (substr(OLD.day, 1, 7) || '-01', OLD.owner_id, -(OLD.outbound_calls + OLD.inbound_calls), -(OLD.emails_sent + OLD.emails_received),
            -OLD.meetings, -OLD.notes)
    ON CONFLICT (month, owner_id) DO UPDATE SET calls = calls + excluded.calls, emails = emails + excluded.emails,
        meetings = meetings + excluded.meetings, notes = notes + excluded.notes;
END;
