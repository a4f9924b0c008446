-- Day rollups of the leads, so lead conversion, lead response time and conversion by score band read a window's days
-- instead of its leads, kept exact by triggers on leads in the same transaction as every write (LeadDayRollup rebuilds
-- them after a migration). A lead's first logged activity is kept on the lead (first_activity_at, 0018), so every change
-- that moves a figure is an insert or an update of the lead: these triggers subtract the row's old contribution and add
-- its new one. Only live leads (deleted_at NULL) count, on the local day of their creation, under their current owner.
--   response_ms    (on leads) hours to the first logged activity in ms, 0 when it came at or before the creation, NULL
--                  when there is none.
--   response_hour  (on leads) the whole hours of response_ms rounded up: -1 without an activity, 0 for exactly 0 hours,
--                  k for more than k - 1 and at most k hours. Its order is the order of the response times, so a median's
--                  bucket is found from the counts and only that bucket's leads are read (ix_leads_response_window).
--   lead_days        per owner, day and response_hour: leads, converted ones, and the sum of response_ms (the average).
--   lead_score_days  per owner, day and current score: leads and converted ones (the bands are cut when read, at the
--                    threshold of then).
-- Organisation rows (owner '00000000-0000-0000-0000-000000000000') sum every owner's rows, kept by triggers on the rollups
-- as 0016 does.
ALTER TABLE leads ADD COLUMN response_ms INTEGER GENERATED ALWAYS AS (
    CASE WHEN first_activity_at IS NULL THEN NULL WHEN first_activity_at <= created_at THEN 0 ELSE first_activity_at - created_at END) VIRTUAL;

ALTER TABLE leads ADD COLUMN response_hour INTEGER GENERATED ALWAYS AS (
    CASE WHEN first_activity_at IS NULL THEN -1 WHEN first_activity_at <= created_at THEN 0
         ELSE (first_activity_at - created_at + 3599999) / 3600000 END) VIRTUAL;

CREATE INDEX ix_leads_response_window ON leads (response_hour, created_at, owner_id, first_activity_at) WHERE deleted_at IS NULL;

CREATE TABLE lead_days (
    owner_id TEXT NOT NULL,
    day TEXT NOT NULL,
    response_hour INTEGER NOT NULL,
    leads INTEGER NOT NULL DEFAULT 0,
    converted INTEGER NOT NULL DEFAULT 0,
    response_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, day, response_hour)
) WITHOUT ROWID;

CREATE TABLE lead_score_days (
    owner_id TEXT NOT NULL,
    day TEXT NOT NULL,
    score INTEGER NOT NULL,
    leads INTEGER NOT NULL DEFAULT 0,
    converted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, day, score)
) WITHOUT ROWID;

CREATE TRIGGER tr_leads_lead_days_insert AFTER INSERT ON leads
WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO lead_days (owner_id, day, response_hour, leads, converted, response_ms)
    SELECT NEW.owner_id, c.day, NEW.response_hour, 1,
           CASE WHEN NEW.status = 'converted' OR NEW.converted_opportunity_id IS NOT NULL THEN 1 ELSE 0 END, COALESCE(NEW.response_ms, 0)
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.created_at)
    ON CONFLICT (owner_id, day, response_hour) DO UPDATE
        SET leads = leads + excluded.leads, converted = converted + excluded.converted, response_ms = response_ms + excluded.response_ms;
END;

CREATE TRIGGER tr_leads_lead_days_update AFTER UPDATE OF owner_id, created_at, status, converted_opportunity_id, first_activity_at, deleted_at ON leads
WHEN OLD.owner_id IS NOT NEW.owner_id OR OLD.created_at IS NOT NEW.created_at OR OLD.status IS NOT NEW.status
  OR OLD.converted_opportunity_id IS NOT NEW.converted_opportunity_id OR OLD.first_activity_at IS NOT NEW.first_activity_at
  OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
    INSERT INTO lead_days (owner_id, day, response_hour, leads, converted, response_ms)
    SELECT OLD.owner_id, c.day, OLD.response_hour, -1,
           CASE WHEN OLD.status = 'converted' OR OLD.converted_opportunity_id IS NOT NULL THEN -1 ELSE 0 END, -COALESCE(OLD.response_ms, 0)
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.created_at)
    ON CONFLICT (owner_id, day, response_hour) DO UPDATE
        SET leads = leads + excluded.leads, converted = converted + excluded.converted, response_ms = response_ms + excluded.response_ms;
    INSERT INTO lead_days (owner_id, day, response_hour, leads, converted, response_ms)
    SELECT NEW.owner_id, c.day, NEW.response_hour, 1,
           CASE WHEN NEW.status = 'converted' OR NEW.converted_opportunity_id IS NOT NULL THEN 1 ELSE 0 END, COALESCE(NEW.response_ms, 0)
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.created_at)
    ON CONFLICT (owner_id, day, response_hour) DO UPDATE
        SET leads = leads + excluded.leads, converted = converted + excluded.converted, response_ms = response_ms + excluded.response_ms;
END;

CREATE TRIGGER tr_leads_lead_days_delete AFTER DELETE ON leads
WHEN OLD.deleted_at IS NULL
BEGIN
    INSERT INTO lead_days (owner_id, day, response_hour, leads, converted, response_ms)
    SELECT OLD.owner_id, c.day, OLD.response_hour, -1,
           CASE WHEN OLD.status = 'converted' OR OLD.converted_opportunity_id IS NOT NULL THEN -1 ELSE 0 END, -COALESCE(OLD.response_ms, 0)
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.created_at)
    ON CONFLICT (owner_id, day, response_hour) DO UPDATE
        SET leads = leads + excluded.leads, converted = converted + excluded.converted, response_ms = response_ms + excluded.response_ms;
END;

CREATE TRIGGER tr_leads_lead_score_days_insert AFTER INSERT ON leads
WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO lead_score_days (owner_id, day, score, leads, converted)
    SELECT NEW.owner_id, c.day, NEW.score, 1, CASE WHEN NEW.status = 'converted' OR NEW.converted_opportunity_id IS NOT NULL THEN 1 ELSE 0 END
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.created_at)
    ON CONFLICT (owner_id, day, score) DO UPDATE SET leads = leads + excluded.leads, converted = converted + excluded.converted;
END;

CREATE TRIGGER tr_leads_lead_score_days_update AFTER UPDATE OF owner_id, created_at, status, converted_opportunity_id, score, deleted_at ON leads
WHEN OLD.owner_id IS NOT NEW.owner_id OR OLD.created_at IS NOT NEW.created_at OR OLD.status IS NOT NEW.status
  OR OLD.converted_opportunity_id IS NOT NEW.converted_opportunity_id OR OLD.score IS NOT NEW.score
  OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
    INSERT INTO lead_score_days (owner_id, day, score, leads, converted)
    SELECT OLD.owner_id, c.day, OLD.score, -1, CASE WHEN OLD.status = 'converted' OR OLD.converted_opportunity_id IS NOT NULL THEN -1 ELSE 0 END
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.created_at)
    ON CONFLICT (owner_id, day, score) DO UPDATE SET leads = leads + excluded.leads, converted = converted + excluded.converted;
    INSERT INTO lead_score_days (owner_id, day, score, leads, converted)
    SELECT NEW.owner_id, c.day, NEW.score, 1, CASE WHEN NEW.status = 'converted' OR NEW.converted_opportunity_id IS NOT NULL THEN 1 ELSE 0 END
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.created_at)
    ON CONFLICT (owner_id, day, score) DO UPDATE SET leads = leads + excluded.leads, converted = converted + excluded.converted;
END;

CREATE TRIGGER tr_leads_lead_score_days_delete AFTER DELETE ON leads
WHEN OLD.deleted_at IS NULL
BEGIN
    INSERT INTO lead_score_days (owner_id, day, score, leads, converted)
    SELECT OLD.owner_id, c.day, OLD.score, -1, CASE WHEN OLD.status = 'converted' OR OLD.converted_opportunity_id IS NOT NULL THEN -1 ELSE 0 END
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.created_at)
    ON CONFLICT (owner_id, day, score) DO UPDATE SET leads = leads + excluded.leads, converted = converted + excluded.converted;
END;

CREATE TRIGGER tr_lead_days_organisation_insert AFTER INSERT ON lead_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO lead_days (owner_id, day, response_hour, leads, converted, response_ms)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.response_hour, NEW.leads, NEW.converted, NEW.response_ms)
    ON CONFLICT (owner_id, day, response_hour) DO UPDATE
        SET leads = leads + excluded.leads, converted = converted + excluded.converted, response_ms = response_ms + excluded.response_ms;
END;

CREATE TRIGGER tr_lead_days_organisation_update AFTER UPDATE ON lead_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO lead_days (owner_id, day, response_hour, leads, converted, response_ms)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.response_hour,
            NEW.leads - OLD.leads, NEW.converted - OLD.converted, NEW.response_ms - OLD.response_ms)
    ON CONFLICT (owner_id, day, response_hour) DO UPDATE
        SET leads = leads + excluded.leads, converted = converted + excluded.converted, response_ms = response_ms + excluded.response_ms;
END;

CREATE TRIGGER tr_lead_score_days_organisation_insert AFTER INSERT ON lead_score_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO lead_score_days (owner_id, day, score, leads, converted)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.score, NEW.leads, NEW.converted)
    ON CONFLICT (owner_id, day, score) DO UPDATE SET leads = leads + excluded.leads, converted = converted + excluded.converted;
END;

CREATE TRIGGER tr_lead_score_days_organisation_update AFTER UPDATE ON lead_score_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO lead_score_days (owner_id, day, score, leads, converted)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.score, NEW.leads - OLD.leads, NEW.converted - OLD.converted)
    ON CONFLICT (owner_id, day, score) DO UPDATE SET leads = leads + excluded.leads, converted = converted + excluded.converted;
END;
