-- Forecasts: the rep's forecast category per deal, an index for the open deals expected to close in a period, and
-- the forecasts saved at each period's start (one row per subject, period, start and method).

ALTER TABLE opportunities ADD COLUMN forecast_category TEXT NOT NULL DEFAULT 'pipeline'
    CHECK (forecast_category IN ('commit', 'best_case', 'pipeline', 'omitted'));

CREATE INDEX ix_opportunities_expected_close ON opportunities (expected_close_date, owner_id)
    WHERE outcome IS NULL AND deleted_at IS NULL;
CREATE INDEX ix_opportunities_owner_expected_close ON opportunities (owner_id, expected_close_date)
    WHERE outcome IS NULL AND deleted_at IS NULL;

CREATE TABLE forecast_snapshots (
    id TEXT NOT NULL PRIMARY KEY,
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('organisation', 'team', 'rep')),
    subject_id TEXT NOT NULL,
    period TEXT NOT NULL CHECK (period IN ('month', 'quarter')),
    period_start TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('stage_weighted', 'cycle_age', 'historical')),
    forecast INTEGER NOT NULL,
    won_so_far INTEGER NOT NULL,
    taken_at INTEGER NOT NULL,
    taken_by TEXT NULL
);

CREATE UNIQUE INDEX ux_forecast_snapshots_key ON forecast_snapshots (subject_kind, subject_id, period, period_start, method);
