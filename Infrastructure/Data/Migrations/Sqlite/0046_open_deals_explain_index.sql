-- The results explain of the deals open at a window's end: the live deals by close instant (open ones first, as NULL), each
-- with its creation instant and id, so the deals open now and those closed since the window's end are two ranges read from
-- the index alone and sorted by creation, instead of every deal created before the window's end.
CREATE INDEX ix_opportunities_live_closed_created ON opportunities (closed_at, created_at, id) WHERE deleted_at IS NULL;
