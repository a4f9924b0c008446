-- pipeline_totals: the deals not deleted per owner, pipeline and current stage, with their amount and the sum of the
-- instants they entered that stage (Unix ms), as they are now. A pipeline snapshot as of an instant after which nothing
-- moved (the usual "now") reads these few rows instead of every open deal; the average days in stage follows from the
-- sum of entry instants. Triggers on opportunities keep it exact: an insert adds the row's contribution, a delete
-- subtracts it, an update of a column that matters subtracts the old one and adds the new one. PipelineTotalsRollup
-- rebuilds it. Rows of won and lost stages are kept too (the reader takes the open stages).
CREATE TABLE pipeline_totals (
    owner_id TEXT NOT NULL,
    pipeline_id TEXT NOT NULL,
    stage_id TEXT NOT NULL,
    deals INTEGER NOT NULL DEFAULT 0,
    amount INTEGER NOT NULL DEFAULT 0,
    entered_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, pipeline_id, stage_id)
) WITHOUT ROWID;

CREATE TRIGGER tr_opportunities_pipeline_totals_insert AFTER INSERT ON opportunities
WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO pipeline_totals (owner_id, pipeline_id, stage_id, deals, amount, entered_ms)
    VALUES (NEW.owner_id, NEW.pipeline_id, NEW.stage_id, 1, NEW.amount, NEW.stage_entered_at)
    ON CONFLICT (owner_id, pipeline_id, stage_id) DO UPDATE SET
        deals = deals + excluded.deals, amount = amount + excluded.amount, entered_ms = entered_ms + excluded.entered_ms;
END;

CREATE TRIGGER tr_opportunities_pipeline_totals_delete AFTER DELETE ON opportunities
WHEN OLD.deleted_at IS NULL
BEGIN
    INSERT INTO pipeline_totals (owner_id, pipeline_id, stage_id, deals, amount, entered_ms)
    VALUES (OLD.owner_id, OLD.pipeline_id, OLD.stage_id, -1, -OLD.amount, -OLD.stage_entered_at)
    ON CONFLICT (owner_id, pipeline_id, stage_id) DO UPDATE SET
        deals = deals + excluded.deals, amount = amount + excluded.amount, entered_ms = entered_ms + excluded.entered_ms;
END;

CREATE TRIGGER tr_opportunities_pipeline_totals_update
AFTER UPDATE OF owner_id, pipeline_id, stage_id, amount, stage_entered_at, deleted_at ON opportunities
WHEN OLD.owner_id IS NOT NEW.owner_id OR OLD.pipeline_id IS NOT NEW.pipeline_id OR OLD.stage_id IS NOT NEW.stage_id
  OR OLD.amount IS NOT NEW.amount OR OLD.stage_entered_at IS NOT NEW.stage_entered_at
  OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
    INSERT INTO pipeline_totals (owner_id, pipeline_id, stage_id, deals, amount, entered_ms)
    SELECT OLD.owner_id, OLD.pipeline_id, OLD.stage_id, -1, -OLD.amount, -OLD.stage_entered_at
    WHERE OLD.deleted_at IS NULL
    ON CONFLICT (owner_id, pipeline_id, stage_id) DO UPDATE SET
        deals = deals + excluded.deals, amount = amount + excluded.amount, entered_ms = entered_ms + excluded.entered_ms;
    INSERT INTO pipeline_totals (owner_id, pipeline_id, stage_id, deals, amount, entered_ms)
    SELECT NEW.owner_id, NEW.pipeline_id, NEW.stage_id, 1, NEW.amount, NEW.stage_entered_at
    WHERE NEW.deleted_at IS NULL
    ON CONFLICT (owner_id, pipeline_id, stage_id) DO UPDATE SET
        deals = deals + excluded.deals, amount = amount + excluded.amount, entered_ms = entered_ms + excluded.entered_ms;
END;

-- The deals in each stage by the instant they entered it: the middle deal(s) of an organisation's stage by time in stage
-- (LIMIT/OFFSET along it), the stale deals of a stage (entered before its limit), and whether any deal entered its stage
-- after an instant.
CREATE INDEX ix_opportunities_stage_entered ON opportunities (stage_id, stage_entered_at, id, owner_id, pipeline_id)
    WHERE deleted_at IS NULL;

-- The same per owner: a rep's or a team's open deals by stage and entry instant, read from the index alone.
CREATE INDEX ix_opportunities_owner_stage_entered ON opportunities (owner_id, stage_id, stage_entered_at, id, pipeline_id)
    WHERE deleted_at IS NULL;

-- Whether any owner changed after an instant (a snapshot then cannot take the current owners).
CREATE INDEX ix_owner_changes_occurred ON owner_changes (occurred_at);
