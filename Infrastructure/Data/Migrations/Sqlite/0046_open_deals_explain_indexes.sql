-- The results explain of the deals open at a window's end reads its candidates, the deals open now or closed since the
-- window's end, as one range of this index (open ones keyed as closing at the end of time), with their creation, id and
-- deletion read from it alone and sorted by creation, instead of every deal created before the window's end. The close
-- instant is a column too, so SQLite finds every column the statement names in the index (it covers).
CREATE INDEX ix_opportunities_open_since ON opportunities
    (COALESCE(closed_at, 9223372036854775807), created_at, id, deleted_at, closed_at);

-- The forecast explain's open deals of the organisation, a page at a time in creation order: the open deals by creation and
-- id with what the page's conditions read (expected close date, stage, pipeline), so the walk reads the index alone and
-- stops at the page's end.
CREATE INDEX ix_opportunities_open_created ON opportunities (created_at, id, expected_close_date, stage_id, pipeline_id, outcome, deleted_at)
    WHERE outcome IS NULL AND deleted_at IS NULL;
