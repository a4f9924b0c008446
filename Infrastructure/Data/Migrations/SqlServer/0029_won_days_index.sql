-- Won revenue per owner over long spans (ramp time's quota periods, years of them) reads only the days with a win, from
-- the index alone: owner first so a rep or team seeks its own rows, won and won_amount carried so no row is looked up.
CREATE INDEX ix_opportunity_days_won ON opportunity_days (owner_id, day) INCLUDE (won, won_amount) WHERE won > 0;
