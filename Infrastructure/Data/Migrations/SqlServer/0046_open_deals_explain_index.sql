-- The results explain of the deals open at a window's end: every deal by close instant (open ones first, as NULL), with its
-- creation instant, owner and deletion, so the deals open now and those closed since the window's end are two ranges read
-- from the index alone and sorted by creation, instead of every deal created before the window's end.
CREATE INDEX ix_opportunities_live_closed_created ON opportunities (closed_at) INCLUDE (created_at, owner_id, deleted_at);
