-- Forecasts read the open deals expected to close in a period as totals per stage and forecast category: 0022's indexes
-- on the expected close date (organisation-wide, and owner first for a rep or team) now carry every column those totals
-- read, so no deal row is looked up (SQL Server's 0022 indexes already INCLUDE them).
DROP INDEX ix_opportunities_expected_close;
CREATE INDEX ix_opportunities_expected_close ON opportunities
    (expected_close_date, owner_id, pipeline_id, stage_id, forecast_category, created_at, amount)
    WHERE outcome IS NULL AND deleted_at IS NULL;
DROP INDEX ix_opportunities_owner_expected_close;
CREATE INDEX ix_opportunities_owner_expected_close ON opportunities
    (owner_id, expected_close_date, pipeline_id, stage_id, forecast_category, created_at, amount)
    WHERE outcome IS NULL AND deleted_at IS NULL;
