-- A stage's historical median (the stale-deal norm) is found from stage_exit_days (exits per whole day spent in the
-- stage), then read from ix_stage_moves_stage_duration from the middle day on. On three years of history a middle day
-- holds up to 140,000 exits, all stepped over to reach the middle rank. stage_exit_hours counts the same exits per whole
-- hour spent in the stage, so the read starts at the middle hour of the middle day and steps over one hour's exits at
-- most. Kept by the same changes as stage_exit_days (an exit counts once its duration is known and while its opportunity
-- is not deleted; the rollup StageExitHourRollup rebuilds it).
CREATE TABLE stage_exit_hours (
    stage_id TEXT NOT NULL,
    hour INTEGER NOT NULL,
    exits INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (stage_id, hour)
) WITHOUT ROWID;

CREATE TRIGGER tr_stage_moves_exit_hours AFTER UPDATE OF from_stage_id, from_stage_ms, opportunity_deleted ON stage_moves
WHEN OLD.from_stage_id IS NOT NEW.from_stage_id OR OLD.from_stage_ms IS NOT NEW.from_stage_ms OR OLD.opportunity_deleted <> NEW.opportunity_deleted
BEGIN
    INSERT INTO stage_exit_hours (stage_id, hour, exits)
    SELECT OLD.from_stage_id, OLD.from_stage_ms / 3600000, -1
    WHERE OLD.from_stage_id IS NOT NULL AND OLD.from_stage_ms IS NOT NULL AND OLD.opportunity_deleted = 0
    ON CONFLICT (stage_id, hour) DO UPDATE SET exits = exits + excluded.exits;
    INSERT INTO stage_exit_hours (stage_id, hour, exits)
    SELECT NEW.from_stage_id, NEW.from_stage_ms / 3600000, 1
    WHERE NEW.from_stage_id IS NOT NULL AND NEW.from_stage_ms IS NOT NULL AND NEW.opportunity_deleted = 0
    ON CONFLICT (stage_id, hour) DO UPDATE SET exits = exits + excluded.exits;
END;
