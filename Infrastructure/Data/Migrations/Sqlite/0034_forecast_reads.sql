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

-- The typical cycle of the cycle-age forecast is the median, over the deals won in the 12 months before now, of the days
-- from creation to close (0 when closed before created). won_cycle_days counts those deals per current owner, local day
-- of the close, current pipeline and whole days of cycle: live (not soft-deleted) opportunities whose current outcome is
-- won. Kept exact by the triggers below in the same transaction as every write to opportunities, with organisation rows
-- (owner '00000000-0000-0000-0000-000000000000') kept by triggers on the table itself as 0016 does; filled by the rebuild
-- in Rollups/WonCycleDayRollup.cs. The forecast sums a window's days to find the whole day of cycle holding the middle
-- rank, then reads that day's deals from ix_opportunities_won_cycle (the cycle's whole days, then the close).
CREATE TABLE won_cycle_days (
    owner_id TEXT NOT NULL,
    day TEXT NOT NULL,
    pipeline_id TEXT NOT NULL,
    cycle_days INTEGER NOT NULL,
    won INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, day, pipeline_id, cycle_days)
) WITHOUT ROWID;

CREATE INDEX ix_opportunities_won_cycle ON opportunities
    ((CASE WHEN closed_at > created_at THEN (closed_at - created_at) / 86400000 ELSE 0 END), closed_at, pipeline_id, created_at)
    WHERE outcome = 'won' AND deleted_at IS NULL;

CREATE TRIGGER tr_opportunities_won_cycle_insert AFTER INSERT ON opportunities
WHEN NEW.outcome = 'won' AND NEW.deleted_at IS NULL
BEGIN
    INSERT INTO won_cycle_days (owner_id, day, pipeline_id, cycle_days, won)
    SELECT NEW.owner_id, c.day, NEW.pipeline_id, CASE WHEN NEW.closed_at > NEW.created_at THEN (NEW.closed_at - NEW.created_at) / 86400000 ELSE 0 END, 1
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.closed_at)
    ON CONFLICT (owner_id, day, pipeline_id, cycle_days) DO UPDATE SET won = won + excluded.won;
END;

CREATE TRIGGER tr_opportunities_won_cycle_delete AFTER DELETE ON opportunities
WHEN OLD.outcome = 'won' AND OLD.deleted_at IS NULL
BEGIN
    INSERT INTO won_cycle_days (owner_id, day, pipeline_id, cycle_days, won)
    SELECT OLD.owner_id, c.day, OLD.pipeline_id, CASE WHEN OLD.closed_at > OLD.created_at THEN (OLD.closed_at - OLD.created_at) / 86400000 ELSE 0 END, -1
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.closed_at)
    ON CONFLICT (owner_id, day, pipeline_id, cycle_days) DO UPDATE SET won = won + excluded.won;
END;

-- A win, a reopening, a new close or creation time, owner, pipeline or deletion moves the deal: out of its old place, into its new one.
CREATE TRIGGER tr_opportunities_won_cycle_update AFTER UPDATE OF owner_id, pipeline_id, created_at, closed_at, outcome, deleted_at ON opportunities
WHEN ((OLD.outcome = 'won' AND OLD.deleted_at IS NULL) OR (NEW.outcome = 'won' AND NEW.deleted_at IS NULL))
     AND (OLD.owner_id IS NOT NEW.owner_id OR OLD.pipeline_id IS NOT NEW.pipeline_id OR OLD.created_at IS NOT NEW.created_at
          OR OLD.closed_at IS NOT NEW.closed_at OR OLD.outcome IS NOT NEW.outcome OR OLD.deleted_at IS NOT NEW.deleted_at)
BEGIN
    INSERT INTO won_cycle_days (owner_id, day, pipeline_id, cycle_days, won)
    SELECT OLD.owner_id, c.day, OLD.pipeline_id, CASE WHEN OLD.closed_at > OLD.created_at THEN (OLD.closed_at - OLD.created_at) / 86400000 ELSE 0 END, -1
    FROM metric_calendar c
    WHERE OLD.outcome = 'won' AND OLD.deleted_at IS NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.closed_at)
    ON CONFLICT (owner_id, day, pipeline_id, cycle_days) DO UPDATE SET won = won + excluded.won;
    INSERT INTO won_cycle_days (owner_id, day, pipeline_id, cycle_days, won)
    SELECT NEW.owner_id, c.day, NEW.pipeline_id, CASE WHEN NEW.closed_at > NEW.created_at THEN (NEW.closed_at - NEW.created_at) / 86400000 ELSE 0 END, 1
    FROM metric_calendar c
    WHERE NEW.outcome = 'won' AND NEW.deleted_at IS NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.closed_at)
    ON CONFLICT (owner_id, day, pipeline_id, cycle_days) DO UPDATE SET won = won + excluded.won;
END;

CREATE TRIGGER tr_won_cycle_days_organisation_insert AFTER INSERT ON won_cycle_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO won_cycle_days (owner_id, day, pipeline_id, cycle_days, won)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.pipeline_id, NEW.cycle_days, NEW.won)
    ON CONFLICT (owner_id, day, pipeline_id, cycle_days) DO UPDATE SET won = won + excluded.won;
END;

CREATE TRIGGER tr_won_cycle_days_organisation_update AFTER UPDATE ON won_cycle_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO won_cycle_days (owner_id, day, pipeline_id, cycle_days, won)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.pipeline_id, NEW.cycle_days, NEW.won - OLD.won)
    ON CONFLICT (owner_id, day, pipeline_id, cycle_days) DO UPDATE SET won = won + excluded.won;
END;
