-- Stage history in recorded order, and the reason each move to Lost gave.
-- move_number counts an opportunity's moves from 1 (its creation); unique per opportunity, so the history has one
-- order even when moves share a timestamp, and no two writers can append the same move.
ALTER TABLE stage_moves ADD COLUMN move_number INTEGER NOT NULL DEFAULT 1;
ALTER TABLE stage_moves ADD COLUMN lost_reason_id TEXT NULL REFERENCES lost_reasons (id);

CREATE UNIQUE INDEX ux_stage_moves_number ON stage_moves (opportunity_id, move_number);
CREATE INDEX ix_stage_moves_to_stage ON stage_moves (to_stage_id);
CREATE INDEX ix_opportunities_created ON opportunities (created_at);
CREATE INDEX ix_opportunities_pipeline ON opportunities (pipeline_id, stage_id);
