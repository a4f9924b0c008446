-- The results explain of the deals open at a window's end reads its candidates, the deals open now (no close) or closed
-- since the window's end, as two ranges of this index, with their creation and deletion read from it alone and sorted by
-- creation, instead of every deal created before the window's end.
CREATE INDEX ix_opportunities_open_since ON opportunities (closed_at) INCLUDE (created_at, deleted_at);
