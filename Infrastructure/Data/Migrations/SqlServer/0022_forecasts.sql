-- Forecasts: the rep's forecast category per deal, an index for the open deals expected to close in a period, and
-- the forecasts saved at each period's start (one row per subject, period, start and method).

ALTER TABLE opportunities ADD forecast_category VARCHAR(16) NOT NULL
    CONSTRAINT df_opportunities_forecast_category DEFAULT 'pipeline'
    CONSTRAINT ck_opportunities_forecast_category CHECK (forecast_category IN ('commit', 'best_case', 'pipeline', 'omitted'));
GO

CREATE INDEX ix_opportunities_expected_close ON opportunities (expected_close_date, owner_id)
    INCLUDE (pipeline_id, stage_id, amount, created_at, forecast_category)
    WHERE outcome IS NULL AND deleted_at IS NULL;
CREATE INDEX ix_opportunities_owner_expected_close ON opportunities (owner_id, expected_close_date)
    INCLUDE (pipeline_id, stage_id, amount, created_at, forecast_category)
    WHERE outcome IS NULL AND deleted_at IS NULL;

CREATE TABLE forecast_snapshots (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED,
    subject_kind VARCHAR(16) NOT NULL CHECK (subject_kind IN ('organisation', 'team', 'rep')),
    subject_id UNIQUEIDENTIFIER NOT NULL,
    period VARCHAR(16) NOT NULL CHECK (period IN ('month', 'quarter')),
    period_start DATE NOT NULL,
    method VARCHAR(16) NOT NULL CHECK (method IN ('stage_weighted', 'cycle_age', 'historical')),
    forecast DECIMAL(19,4) NOT NULL,
    won_so_far DECIMAL(19,4) NOT NULL,
    taken_at DATETIMEOFFSET(3) NOT NULL,
    taken_by UNIQUEIDENTIFIER NULL
);

CREATE UNIQUE INDEX ux_forecast_snapshots_key ON forecast_snapshots (subject_kind, subject_id, period, period_start, method);
