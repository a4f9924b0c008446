-- The results explain of the deals open at a window's end reads its candidates, the deals open now or closed since the
-- window's end, as one range of this index (open ones keyed as closing at the end of time), with their creation, id and
-- deletion read from it alone and sorted by creation, instead of every deal created before the window's end. The close
-- instant is a column too, so SQLite finds every column the statement names in the index (it covers).
CREATE INDEX ix_opportunities_open_since ON opportunities
    (COALESCE(closed_at, 9223372036854775807), created_at, id, deleted_at, closed_at);
