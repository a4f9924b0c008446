-- The results explain of the deals open at a window's end reads its candidates, the deals open now (no close) or closed
-- since the window's end, as two ranges of this index, with their creation and deletion read from it alone and sorted by
-- creation, instead of every deal created before the window's end.
CREATE INDEX ix_opportunities_open_since ON opportunities (closed_at) INCLUDE (created_at, deleted_at, id, pipeline_id);

-- The forecast explain's open deals of the organisation, a page at a time in creation order.
CREATE INDEX ix_opportunities_open_created ON opportunities (created_at, id) INCLUDE (expected_close_date, stage_id, pipeline_id)
    WHERE outcome IS NULL AND deleted_at IS NULL;
