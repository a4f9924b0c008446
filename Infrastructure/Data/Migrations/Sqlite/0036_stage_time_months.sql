-- stage_time_months: the organisation rows of stage_time_days (owner '00000000-0000-0000-0000-000000000000') summed per
-- calendar month of the organisation's zone (month = its first day): exits per stage left and whole days spent in it,
-- with their total time there (ms). Days in stage for the organisation reads a window's whole months from it and only the
-- days around them from stage_time_days: a quarter is 3 months of (stage, whole days) rows instead of ~92 days of them.
-- Triggers on stage_time_days keep it exact in the same statement as every change to an organisation row (an insert adds
-- the row, a delete subtracts it, an update subtracts the old row and adds the new one). StageTimeMonthRollup rebuilds it.
CREATE TABLE stage_time_months (
    month TEXT NOT NULL,
    stage_id TEXT NOT NULL,
    spent_days INTEGER NOT NULL,
    exits INTEGER NOT NULL DEFAULT 0,
    spent_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, stage_id, spent_days)
) WITHOUT ROWID;

CREATE TRIGGER tr_stage_time_days_months_insert AFTER INSERT ON stage_time_days
WHEN NEW.owner_id = '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO stage_time_months (month, stage_id, spent_days, exits, spent_ms)
    VALUES (substr(NEW.day, 1, 7) || '-01', NEW.stage_id, NEW.spent_days, NEW.exits, NEW.spent_ms)
    ON CONFLICT (month, stage_id, spent_days) DO UPDATE SET exits = exits + excluded.exits, spent_ms = spent_ms + excluded.spent_ms;
END;

CREATE TRIGGER tr_stage_time_days_months_delete AFTER DELETE ON stage_time_days
WHEN OLD.owner_id = '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO stage_time_months (month, stage_id, spent_days, exits, spent_ms)
    VALUES (substr(OLD.day, 1, 7) || '-01', OLD.stage_id, OLD.spent_days, -OLD.exits, -OLD.spent_ms)
    ON CONFLICT (month, stage_id, spent_days) DO UPDATE SET exits = exits + excluded.exits, spent_ms = spent_ms + excluded.spent_ms;
END;

CREATE TRIGGER tr_stage_time_days_months_update AFTER UPDATE ON stage_time_days
WHEN NEW.owner_id = '00000000-0000-0000-0000-000000000000' OR OLD.owner_id = '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO stage_time_months (month, stage_id, spent_days, exits, spent_ms)
    SELECT substr(OLD.day, 1, 7) || '-01', OLD.stage_id, OLD.spent_days, -OLD.exits, -OLD.spent_ms
    WHERE OLD.owner_id = '00000000-0000-0000-0000-000000000000'
    ON CONFLICT (month, stage_id, spent_days) DO UPDATE SET exits = exits + excluded.exits, spent_ms = spent_ms + excluded.spent_ms;
    INSERT INTO stage_time_months (month, stage_id, spent_days, exits, spent_ms)
    SELECT substr(NEW.day, 1, 7) || '-01', NEW.stage_id, NEW.spent_days, NEW.exits, NEW.spent_ms
    WHERE NEW.owner_id = '00000000-0000-0000-0000-000000000000'
    ON CONFLICT (month, stage_id, spent_days) DO UPDATE SET exits = exits + excluded.exits, spent_ms = spent_ms + excluded.spent_ms;
END;
