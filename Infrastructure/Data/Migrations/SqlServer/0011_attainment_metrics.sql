-- Quota attainment, the funnel and the leaderboard read won deals by close time (docs/metrics/attainment.md).

CREATE INDEX ix_opportunities_won_closed ON opportunities (closed_at, owner_id) WHERE outcome = 'won';
