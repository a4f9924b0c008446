-- A rep's won revenue and deals over a quota period (ramp time sums them for every finished quota) read from the index
-- alone: owner and month first, the won columns carried. It replaces 0033's (owner_id, month) index, a prefix of it.
DROP INDEX ix_owner_months_owner ON owner_months;
CREATE INDEX ix_owner_months_owner_won ON owner_months (owner_id, month) INCLUDE (won, won_amount);
