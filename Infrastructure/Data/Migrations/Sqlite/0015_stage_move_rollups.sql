-- Stage moves carry what the pipeline metrics would otherwise find by joining each move to its neighbours, kept exact
-- by triggers in the same transaction as every write (StageMoveRollup rebuilds them after a migration):
--   from_entered_at, from_stage_ms  when the stage this move leaves was entered (the previous move) and the time spent in it;
--   left_at, next_stage_id          when the stage this move entered was left and for which stage (the next move; NULL while still there);
--   owner_id, opportunity_deleted   the opportunity's current owner and whether it is soft-deleted.
-- Days in stage and stage conversion read a window's moves alone; the pipeline as of a past instant reads the moves left
-- after it. stage_exit_days counts, per stage and whole day spent in it, the exits of opportunities not deleted, so a
-- stage's historical median is found by summing a few hundred day counts and reading the index from the right day on.
ALTER TABLE stage_moves ADD COLUMN from_entered_at INTEGER NULL;
ALTER TABLE stage_moves ADD COLUMN from_stage_ms INTEGER NULL;
ALTER TABLE stage_moves ADD COLUMN left_at INTEGER NULL;
ALTER TABLE stage_moves ADD COLUMN next_stage_id TEXT NULL;
ALTER TABLE stage_moves ADD COLUMN owner_id TEXT NULL;
ALTER TABLE stage_moves ADD COLUMN opportunity_deleted INTEGER NOT NULL DEFAULT 0;

CREATE INDEX ix_stage_moves_owner_window ON stage_moves
    (owner_id, occurred_at, opportunity_deleted, from_stage_id, from_entered_at, to_stage_id, next_stage_id);
CREATE INDEX ix_stage_moves_left ON stage_moves (left_at, occurred_at, to_stage_id, opportunity_id);
CREATE INDEX ix_stage_moves_stage_duration ON stage_moves (from_stage_id, opportunity_deleted, from_stage_ms);

CREATE TABLE stage_exit_days (
    stage_id TEXT NOT NULL,
    day INTEGER NOT NULL,
    exits INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (stage_id, day)
) WITHOUT ROWID;

CREATE TRIGGER tr_stage_moves_links_insert AFTER INSERT ON stage_moves
BEGIN
    UPDATE stage_moves
    SET (from_entered_at, from_stage_ms) = (SELECT p.occurred_at, NEW.occurred_at - p.occurred_at FROM stage_moves p
                                            WHERE p.opportunity_id = NEW.opportunity_id AND p.move_number = NEW.move_number - 1),
        (left_at, next_stage_id) = (SELECT n.occurred_at, n.to_stage_id FROM stage_moves n
                                    WHERE n.opportunity_id = NEW.opportunity_id AND n.move_number = NEW.move_number + 1),
        (owner_id, opportunity_deleted) = (SELECT o.owner_id, CASE WHEN o.deleted_at IS NULL THEN 0 ELSE 1 END FROM opportunities o
                                           WHERE o.id = NEW.opportunity_id)
    WHERE id = NEW.id;
    UPDATE stage_moves SET left_at = NEW.occurred_at, next_stage_id = NEW.to_stage_id
    WHERE opportunity_id = NEW.opportunity_id AND move_number = NEW.move_number - 1;
    UPDATE stage_moves SET from_entered_at = NEW.occurred_at, from_stage_ms = occurred_at - NEW.occurred_at
    WHERE opportunity_id = NEW.opportunity_id AND move_number = NEW.move_number + 1;
END;

CREATE TRIGGER tr_stage_moves_opportunity_insert AFTER INSERT ON opportunities
BEGIN
    UPDATE stage_moves SET owner_id = NEW.owner_id, opportunity_deleted = CASE WHEN NEW.deleted_at IS NULL THEN 0 ELSE 1 END
    WHERE opportunity_id = NEW.id;
END;

CREATE TRIGGER tr_stage_moves_opportunity_owner AFTER UPDATE OF owner_id ON opportunities
WHEN NEW.owner_id IS NOT OLD.owner_id
BEGIN
    UPDATE stage_moves SET owner_id = NEW.owner_id WHERE opportunity_id = NEW.id;
END;

CREATE TRIGGER tr_stage_moves_opportunity_deleted AFTER UPDATE OF deleted_at ON opportunities
WHEN (NEW.deleted_at IS NULL) <> (OLD.deleted_at IS NULL)
BEGIN
    UPDATE stage_moves SET opportunity_deleted = CASE WHEN NEW.deleted_at IS NULL THEN 0 ELSE 1 END WHERE opportunity_id = NEW.id;
END;

-- An exit counts once its duration is known and while its opportunity is not deleted; every change to those columns is an
-- update (the triggers above fill them), so this one trigger moves the count.
CREATE TRIGGER tr_stage_moves_exit_days AFTER UPDATE OF from_stage_id, from_stage_ms, opportunity_deleted ON stage_moves
WHEN OLD.from_stage_id IS NOT NEW.from_stage_id OR OLD.from_stage_ms IS NOT NEW.from_stage_ms OR OLD.opportunity_deleted <> NEW.opportunity_deleted
BEGIN
    INSERT INTO stage_exit_days (stage_id, day, exits)
    SELECT OLD.from_stage_id, OLD.from_stage_ms / 86400000, -1
    WHERE OLD.from_stage_id IS NOT NULL AND OLD.from_stage_ms IS NOT NULL AND OLD.opportunity_deleted = 0
    ON CONFLICT (stage_id, day) DO UPDATE SET exits = exits + excluded.exits;
    INSERT INTO stage_exit_days (stage_id, day, exits)
    SELECT NEW.from_stage_id, NEW.from_stage_ms / 86400000, 1
    WHERE NEW.from_stage_id IS NOT NULL AND NEW.from_stage_ms IS NOT NULL AND NEW.opportunity_deleted = 0
    ON CONFLICT (stage_id, day) DO UPDATE SET exits = exits + excluded.exits;
END;
