-- Results metrics read deals by their close time (won, lost and lost reasons in a window).
CREATE INDEX ix_opportunities_closed ON opportunities (closed_at, outcome);
