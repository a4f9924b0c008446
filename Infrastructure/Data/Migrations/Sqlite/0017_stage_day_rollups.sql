-- Day rollups of the stage moves, so days in stage and stage conversion read a window's days instead of its moves, kept
-- exact by triggers on stage_moves in the same transaction as every write (StageDayRollup rebuilds them after a migration).
-- Both follow the columns 0015 keeps on each move (its neighbours, the opportunity's current owner and deleted flag): every
-- change to those is an insert or an update of the move, so these triggers subtract the row's old contribution and add its
-- new one. Only moves of opportunities not deleted, once their owner is known, count.
--   stage_entry_days  per owner (current), local day of the entry, stage entered and the stage the next move went to
--                     ('00000000-0000-0000-0000-000000000000' while still in): entries. The fate is decided when read, from
--                     the stages as they are then (they can be reordered).
--   stage_time_days   per owner (current), local day of the exit, stage left and whole days spent in it: exits and the sum
--                     of their time in it (ms), so the average is exact and the median's whole day is found from the counts;
--                     the exits of that day are then read from stage_moves through from_stage_days (from_stage_ms in whole days).
-- Organisation rows (owner '00000000-0000-0000-0000-000000000000') sum every owner's rows, kept by triggers on the rollups
-- as 0016 does.
ALTER TABLE stage_moves ADD COLUMN from_stage_days INTEGER GENERATED ALWAYS AS (from_stage_ms / 86400000) VIRTUAL;

CREATE INDEX ix_stage_moves_stage_days_window ON stage_moves
    (from_stage_id, from_stage_days, occurred_at, opportunity_deleted, owner_id, from_stage_ms);

CREATE TABLE stage_entry_days (
    owner_id TEXT NOT NULL,
    day TEXT NOT NULL,
    stage_id TEXT NOT NULL,
    next_stage_id TEXT NOT NULL,
    entries INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, day, stage_id, next_stage_id)
) WITHOUT ROWID;

CREATE TABLE stage_time_days (
    owner_id TEXT NOT NULL,
    day TEXT NOT NULL,
    stage_id TEXT NOT NULL,
    spent_days INTEGER NOT NULL,
    exits INTEGER NOT NULL DEFAULT 0,
    spent_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, day, stage_id, spent_days)
) WITHOUT ROWID;

CREATE TRIGGER tr_stage_moves_entry_days_insert AFTER INSERT ON stage_moves
WHEN NEW.owner_id IS NOT NULL AND NEW.opportunity_deleted = 0
BEGIN
    INSERT INTO stage_entry_days (owner_id, day, stage_id, next_stage_id, entries)
    SELECT NEW.owner_id, c.day, NEW.to_stage_id, COALESCE(NEW.next_stage_id, '00000000-0000-0000-0000-000000000000'), 1
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.occurred_at)
    ON CONFLICT (owner_id, day, stage_id, next_stage_id) DO UPDATE SET entries = entries + excluded.entries;
END;

CREATE TRIGGER tr_stage_moves_entry_days_update AFTER UPDATE OF to_stage_id, occurred_at, next_stage_id, owner_id, opportunity_deleted ON stage_moves
WHEN OLD.to_stage_id IS NOT NEW.to_stage_id OR OLD.occurred_at IS NOT NEW.occurred_at OR OLD.next_stage_id IS NOT NEW.next_stage_id
  OR OLD.owner_id IS NOT NEW.owner_id OR OLD.opportunity_deleted <> NEW.opportunity_deleted
BEGIN
    INSERT INTO stage_entry_days (owner_id, day, stage_id, next_stage_id, entries)
    SELECT OLD.owner_id, c.day, OLD.to_stage_id, COALESCE(OLD.next_stage_id, '00000000-0000-0000-0000-000000000000'), -1
    FROM metric_calendar c
    WHERE OLD.owner_id IS NOT NULL AND OLD.opportunity_deleted = 0
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.occurred_at)
    ON CONFLICT (owner_id, day, stage_id, next_stage_id) DO UPDATE SET entries = entries + excluded.entries;
    INSERT INTO stage_entry_days (owner_id, day, stage_id, next_stage_id, entries)
    SELECT NEW.owner_id, c.day, NEW.to_stage_id, COALESCE(NEW.next_stage_id, '00000000-0000-0000-0000-000000000000'), 1
    FROM metric_calendar c
    WHERE NEW.owner_id IS NOT NULL AND NEW.opportunity_deleted = 0
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.occurred_at)
    ON CONFLICT (owner_id, day, stage_id, next_stage_id) DO UPDATE SET entries = entries + excluded.entries;
END;

CREATE TRIGGER tr_stage_moves_entry_days_delete AFTER DELETE ON stage_moves
WHEN OLD.owner_id IS NOT NULL AND OLD.opportunity_deleted = 0
BEGIN
    INSERT INTO stage_entry_days (owner_id, day, stage_id, next_stage_id, entries)
    SELECT OLD.owner_id, c.day, OLD.to_stage_id, COALESCE(OLD.next_stage_id, '00000000-0000-0000-0000-000000000000'), -1
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.occurred_at)
    ON CONFLICT (owner_id, day, stage_id, next_stage_id) DO UPDATE SET entries = entries + excluded.entries;
END;

CREATE TRIGGER tr_stage_moves_time_days_insert AFTER INSERT ON stage_moves
WHEN NEW.owner_id IS NOT NULL AND NEW.opportunity_deleted = 0 AND NEW.from_stage_id IS NOT NULL AND NEW.from_stage_ms IS NOT NULL
BEGIN
    INSERT INTO stage_time_days (owner_id, day, stage_id, spent_days, exits, spent_ms)
    SELECT NEW.owner_id, c.day, NEW.from_stage_id, NEW.from_stage_ms / 86400000, 1, NEW.from_stage_ms
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.occurred_at)
    ON CONFLICT (owner_id, day, stage_id, spent_days) DO UPDATE SET exits = exits + excluded.exits, spent_ms = spent_ms + excluded.spent_ms;
END;

CREATE TRIGGER tr_stage_moves_time_days_update AFTER UPDATE OF from_stage_id, from_stage_ms, occurred_at, owner_id, opportunity_deleted ON stage_moves
WHEN OLD.from_stage_id IS NOT NEW.from_stage_id OR OLD.from_stage_ms IS NOT NEW.from_stage_ms OR OLD.occurred_at IS NOT NEW.occurred_at
  OR OLD.owner_id IS NOT NEW.owner_id OR OLD.opportunity_deleted <> NEW.opportunity_deleted
BEGIN
    INSERT INTO stage_time_days (owner_id, day, stage_id, spent_days, exits, spent_ms)
    SELECT OLD.owner_id, c.day, OLD.from_stage_id, OLD.from_stage_ms / 86400000, -1, -OLD.from_stage_ms
    FROM metric_calendar c
    WHERE OLD.owner_id IS NOT NULL AND OLD.opportunity_deleted = 0 AND OLD.from_stage_id IS NOT NULL AND OLD.from_stage_ms IS NOT NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.occurred_at)
    ON CONFLICT (owner_id, day, stage_id, spent_days) DO UPDATE SET exits = exits + excluded.exits, spent_ms = spent_ms + excluded.spent_ms;
    INSERT INTO stage_time_days (owner_id, day, stage_id, spent_days, exits, spent_ms)
    SELECT NEW.owner_id, c.day, NEW.from_stage_id, NEW.from_stage_ms / 86400000, 1, NEW.from_stage_ms
    FROM metric_calendar c
    WHERE NEW.owner_id IS NOT NULL AND NEW.opportunity_deleted = 0 AND NEW.from_stage_id IS NOT NULL AND NEW.from_stage_ms IS NOT NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.occurred_at)
    ON CONFLICT (owner_id, day, stage_id, spent_days) DO UPDATE SET exits = exits + excluded.exits, spent_ms = spent_ms + excluded.spent_ms;
END;

CREATE TRIGGER tr_stage_moves_time_days_delete AFTER DELETE ON stage_moves
WHEN OLD.owner_id IS NOT NULL AND OLD.opportunity_deleted = 0 AND OLD.from_stage_id IS NOT NULL AND OLD.from_stage_ms IS NOT NULL
BEGIN
    INSERT INTO stage_time_days (owner_id, day, stage_id, spent_days, exits, spent_ms)
    SELECT OLD.owner_id, c.day, OLD.from_stage_id, OLD.from_stage_ms / 86400000, -1, -OLD.from_stage_ms
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.occurred_at)
    ON CONFLICT (owner_id, day, stage_id, spent_days) DO UPDATE SET exits = exits + excluded.exits, spent_ms = spent_ms + excluded.spent_ms;
END;

CREATE TRIGGER tr_stage_entry_days_organisation_insert AFTER INSERT ON stage_entry_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO stage_entry_days (owner_id, day, stage_id, next_stage_id, entries)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.stage_id, NEW.next_stage_id, NEW.entries)
    ON CONFLICT (owner_id, day, stage_id, next_stage_id) DO UPDATE SET entries = entries + excluded.entries;
END;

CREATE TRIGGER tr_stage_entry_days_organisation_update AFTER UPDATE ON stage_entry_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO stage_entry_days (owner_id, day, stage_id, next_stage_id, entries)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.stage_id, NEW.next_stage_id, NEW.entries - OLD.entries)
    ON CONFLICT (owner_id, day, stage_id, next_stage_id) DO UPDATE SET entries = entries + excluded.entries;
END;

CREATE TRIGGER tr_stage_time_days_organisation_insert AFTER INSERT ON stage_time_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO stage_time_days (owner_id, day, stage_id, spent_days, exits, spent_ms)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.stage_id, NEW.spent_days, NEW.exits, NEW.spent_ms)
    ON CONFLICT (owner_id, day, stage_id, spent_days) DO UPDATE SET exits = exits + excluded.exits, spent_ms = spent_ms + excluded.spent_ms;
END;

CREATE TRIGGER tr_stage_time_days_organisation_update AFTER UPDATE ON stage_time_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO stage_time_days (owner_id, day, stage_id, spent_days, exits, spent_ms)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.stage_id, NEW.spent_days, NEW.exits - OLD.exits, NEW.spent_ms - OLD.spent_ms)
    ON CONFLICT (owner_id, day, stage_id, spent_days) DO UPDATE SET exits = exits + excluded.exits, spent_ms = spent_ms + excluded.spent_ms;
END;
