-- The pipeline explain's open deals when nothing changed since the snapshot instant: the open deals in the order of their
-- stage entry, so a page reads its rows from the cursor on instead of sorting every open deal: the organisation's from the
-- first index, a rep's from the second (for a team, its members' ranges, sorted).
CREATE INDEX ix_opportunities_open_entered ON opportunities (stage_entered_at, id)
    INCLUDE (stage_id, owner_id, pipeline_id, created_at, amount) WHERE outcome IS NULL AND deleted_at IS NULL;
CREATE INDEX ix_opportunities_owner_open_entered ON opportunities (owner_id, stage_entered_at, id)
    INCLUDE (stage_id, pipeline_id, created_at, amount) WHERE outcome IS NULL AND deleted_at IS NULL;
