-- metric_rollup_versions: the definition version each day rollup (Metrics/Rollups/DayRollups) was last built at for the
-- current zone. Start-up rebuilds a rollup only when its recorded version differs or is missing; a zone change clears the
-- table and rebuilds them all. So an unrelated migration costs no rebuild; a change to a rollup bumps its version in code.
CREATE TABLE metric_rollup_versions (
    name TEXT NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL
) WITHOUT ROWID;

-- A rep's (or a team's) follow-up discipline reads its closed deals and late follow-ups of the window by owner first
-- (FollowUpMetricsStore.MemberDeals / MemberLate), the organisation its late follow-ups by instant, each from one of
-- these indexes alone; the late ones are partial (live follow-ups completed after their due time: a quarter of them).
CREATE INDEX ix_opportunities_owner_closed_follow_ups ON opportunities (owner_id, closed_at, outcome, deleted_at, pipeline_id, follow_ups_at_close);
CREATE INDEX ix_follow_ups_late ON follow_ups (completed_at, owner_id, due_at, status, deleted_at, opportunity_id)
    WHERE status = 'completed' AND deleted_at IS NULL AND completed_at > due_at;
CREATE INDEX ix_follow_ups_owner_late ON follow_ups (owner_id, completed_at, due_at, status, deleted_at, opportunity_id)
    WHERE status = 'completed' AND deleted_at IS NULL AND completed_at > due_at;

-- stage_move_follow_up_days: per owner (the opportunity's current one), local day of the move, stage left, stage entered
-- and completed follow-ups in the stage left (stage_moves.follow_ups_in_stage, 0013): the moves out of a stage of
-- opportunities not deleted. Follow-up discipline reads a window's stage advances from it (which moves are forward is
-- decided when read, from the stages as they are then); the follow-up count as a key makes the median exact.
-- Triggers on stage_moves keep it exact: every change to those columns (a move written, its follow-up count moved by a
-- follow-up completed, deleted or restored later, the owner or deleted flag moved by 0015's triggers) is an insert, an
-- update or a delete of the move, so they subtract the row's old contribution and add its new one.
-- Organisation rows (owner '00000000-0000-0000-0000-000000000000') sum every owner's rows, kept by triggers on the rollup
-- as 0016 does. StageAdvanceDayRollup rebuilds it.
CREATE TABLE stage_move_follow_up_days (
    owner_id TEXT NOT NULL,
    day TEXT NOT NULL,
    from_stage_id TEXT NOT NULL,
    to_stage_id TEXT NOT NULL,
    follow_ups INTEGER NOT NULL,
    moves INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, day, from_stage_id, to_stage_id, follow_ups)
) WITHOUT ROWID;

CREATE TRIGGER tr_stage_moves_follow_up_days_insert AFTER INSERT ON stage_moves
WHEN NEW.owner_id IS NOT NULL AND NEW.opportunity_deleted = 0 AND NEW.from_stage_id IS NOT NULL
BEGIN
    INSERT INTO stage_move_follow_up_days (owner_id, day, from_stage_id, to_stage_id, follow_ups, moves)
    SELECT NEW.owner_id, c.day, NEW.from_stage_id, NEW.to_stage_id, NEW.follow_ups_in_stage, 1
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.occurred_at)
    ON CONFLICT (owner_id, day, from_stage_id, to_stage_id, follow_ups) DO UPDATE SET moves = moves + excluded.moves;
END;

CREATE TRIGGER tr_stage_moves_follow_up_days_update
AFTER UPDATE OF from_stage_id, to_stage_id, occurred_at, owner_id, opportunity_deleted, follow_ups_in_stage ON stage_moves
WHEN OLD.from_stage_id IS NOT NEW.from_stage_id OR OLD.to_stage_id IS NOT NEW.to_stage_id OR OLD.occurred_at IS NOT NEW.occurred_at
  OR OLD.owner_id IS NOT NEW.owner_id OR OLD.opportunity_deleted <> NEW.opportunity_deleted OR OLD.follow_ups_in_stage <> NEW.follow_ups_in_stage
BEGIN
    INSERT INTO stage_move_follow_up_days (owner_id, day, from_stage_id, to_stage_id, follow_ups, moves)
    SELECT OLD.owner_id, c.day, OLD.from_stage_id, OLD.to_stage_id, OLD.follow_ups_in_stage, -1
    FROM metric_calendar c
    WHERE OLD.owner_id IS NOT NULL AND OLD.opportunity_deleted = 0 AND OLD.from_stage_id IS NOT NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.occurred_at)
    ON CONFLICT (owner_id, day, from_stage_id, to_stage_id, follow_ups) DO UPDATE SET moves = moves + excluded.moves;
    INSERT INTO stage_move_follow_up_days (owner_id, day, from_stage_id, to_stage_id, follow_ups, moves)
    SELECT NEW.owner_id, c.day, NEW.from_stage_id, NEW.to_stage_id, NEW.follow_ups_in_stage, 1
    FROM metric_calendar c
    WHERE NEW.owner_id IS NOT NULL AND NEW.opportunity_deleted = 0 AND NEW.from_stage_id IS NOT NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.occurred_at)
    ON CONFLICT (owner_id, day, from_stage_id, to_stage_id, follow_ups) DO UPDATE SET moves = moves + excluded.moves;
END;

CREATE TRIGGER tr_stage_moves_follow_up_days_delete AFTER DELETE ON stage_moves
WHEN OLD.owner_id IS NOT NULL AND OLD.opportunity_deleted = 0 AND OLD.from_stage_id IS NOT NULL
BEGIN
    INSERT INTO stage_move_follow_up_days (owner_id, day, from_stage_id, to_stage_id, follow_ups, moves)
    SELECT OLD.owner_id, c.day, OLD.from_stage_id, OLD.to_stage_id, OLD.follow_ups_in_stage, -1
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.occurred_at)
    ON CONFLICT (owner_id, day, from_stage_id, to_stage_id, follow_ups) DO UPDATE SET moves = moves + excluded.moves;
END;

CREATE TRIGGER tr_stage_move_follow_up_days_organisation_insert AFTER INSERT ON stage_move_follow_up_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO stage_move_follow_up_days (owner_id, day, from_stage_id, to_stage_id, follow_ups, moves)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.from_stage_id, NEW.to_stage_id, NEW.follow_ups, NEW.moves)
    ON CONFLICT (owner_id, day, from_stage_id, to_stage_id, follow_ups) DO UPDATE SET moves = moves + excluded.moves;
END;

CREATE TRIGGER tr_stage_move_follow_up_days_organisation_update AFTER UPDATE ON stage_move_follow_up_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO stage_move_follow_up_days (owner_id, day, from_stage_id, to_stage_id, follow_ups, moves)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.from_stage_id, NEW.to_stage_id, NEW.follow_ups, NEW.moves - OLD.moves)
    ON CONFLICT (owner_id, day, from_stage_id, to_stage_id, follow_ups) DO UPDATE SET moves = moves + excluded.moves;
END;
