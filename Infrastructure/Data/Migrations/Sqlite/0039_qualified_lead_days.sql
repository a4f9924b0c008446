-- Response time to sales-qualified leads from a day rollup, as lead response time (0030) reads its leads: the figure read
-- every lead qualified in the window and, per lead, its first activity since qualifying.
--   qualified_response_at    (on leads) the earliest occurred_at of the lead's live activities at or after its
--                            sales_qualified_at (NULL when none, or when the lead is not qualified), kept by triggers on
--                            activities (an insert can only move it earlier; an update or delete recomputes it through
--                            ix_activities_lead, as 0018 keeps first_activity_at) and on leads (a change of
--                            sales_qualified_at recomputes it). Backfilled here; Rollups/QualifiedLeadDayRollup recomputes it.
--   qualified_response_ms    (on leads) qualified_response_at - sales_qualified_at in ms, NULL without a response.
--   qualified_response_hour  (on leads) its whole hours rounded up: -1 without a response, 0 for exactly 0 ms, k for more than
--                            k - 1 and at most k hours; NULL for a lead never qualified. Its order is the order of the response
--                            times, so a median's hour is found from the counts and only that hour's leads are read
--                            (ix_leads_qualified_response_window).
--   qualified_lead_days      per owner, local day of sales_qualified_at and qualified_response_hour: the live qualified
--                            leads and the sum of their qualified_response_ms (the average is exact from the sums).
-- Triggers on leads keep it exact (insert, delete, update of owner, qualification time, response or deleted_at subtract the
-- row's old contribution and add its new one). Organisation rows (owner '00000000-0000-0000-0000-000000000000') sum every
-- owner's rows, kept by triggers on the rollup as 0016 does. Rollups/QualifiedLeadDayRollup rebuilds it on start-up.
ALTER TABLE leads ADD COLUMN qualified_response_at INTEGER NULL;

UPDATE leads SET qualified_response_at = (
    SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = leads.id AND a.deleted_at IS NULL AND a.occurred_at >= leads.sales_qualified_at)
WHERE sales_qualified_at IS NOT NULL;

ALTER TABLE leads ADD COLUMN qualified_response_ms INTEGER GENERATED ALWAYS AS (
    CASE WHEN sales_qualified_at IS NULL OR qualified_response_at IS NULL THEN NULL
         WHEN qualified_response_at <= sales_qualified_at THEN 0 ELSE qualified_response_at - sales_qualified_at END) VIRTUAL;

ALTER TABLE leads ADD COLUMN qualified_response_hour INTEGER GENERATED ALWAYS AS (
    CASE WHEN sales_qualified_at IS NULL THEN NULL WHEN qualified_response_at IS NULL THEN -1
         WHEN qualified_response_at <= sales_qualified_at THEN 0
         ELSE (qualified_response_at - sales_qualified_at + 3599999) / 3600000 END) VIRTUAL;

CREATE INDEX ix_leads_qualified_response_window ON leads (qualified_response_hour, sales_qualified_at, owner_id, qualified_response_at)
    WHERE sales_qualified_at IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE qualified_lead_days (
    owner_id TEXT NOT NULL,
    day TEXT NOT NULL,
    response_hour INTEGER NOT NULL,
    leads INTEGER NOT NULL DEFAULT 0,
    response_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, day, response_hour)
) WITHOUT ROWID;

CREATE TRIGGER tr_activities_qualified_response_insert AFTER INSERT ON activities
WHEN NEW.lead_id IS NOT NULL AND NEW.deleted_at IS NULL
BEGIN
    UPDATE leads SET qualified_response_at = NEW.occurred_at
    WHERE id = NEW.lead_id AND sales_qualified_at <= NEW.occurred_at
      AND (qualified_response_at IS NULL OR qualified_response_at > NEW.occurred_at);
END;

CREATE TRIGGER tr_activities_qualified_response_update AFTER UPDATE OF lead_id, occurred_at, deleted_at ON activities
WHEN OLD.lead_id IS NOT NULL OR NEW.lead_id IS NOT NULL
BEGIN
    UPDATE leads SET qualified_response_at = (
        SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = leads.id AND a.deleted_at IS NULL AND a.occurred_at >= leads.sales_qualified_at)
    WHERE id IN (OLD.lead_id, NEW.lead_id) AND sales_qualified_at IS NOT NULL;
END;

CREATE TRIGGER tr_activities_qualified_response_delete AFTER DELETE ON activities
WHEN OLD.lead_id IS NOT NULL
BEGIN
    UPDATE leads SET qualified_response_at = (
        SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = leads.id AND a.deleted_at IS NULL AND a.occurred_at >= leads.sales_qualified_at)
    WHERE id = OLD.lead_id AND sales_qualified_at IS NOT NULL;
END;

CREATE TRIGGER tr_leads_qualified_response_insert AFTER INSERT ON leads
WHEN NEW.sales_qualified_at IS NOT NULL
BEGIN
    UPDATE leads SET qualified_response_at = (
        SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = NEW.id AND a.deleted_at IS NULL AND a.occurred_at >= NEW.sales_qualified_at)
    WHERE id = NEW.id;
END;

CREATE TRIGGER tr_leads_qualified_response_update AFTER UPDATE OF sales_qualified_at ON leads
WHEN OLD.sales_qualified_at IS NOT NEW.sales_qualified_at
BEGIN
    UPDATE leads SET qualified_response_at = (
        SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = NEW.id AND a.deleted_at IS NULL AND a.occurred_at >= NEW.sales_qualified_at)
    WHERE id = NEW.id;
END;

CREATE TRIGGER tr_leads_qualified_lead_days_insert AFTER INSERT ON leads
WHEN NEW.deleted_at IS NULL AND NEW.sales_qualified_at IS NOT NULL
BEGIN
    INSERT INTO qualified_lead_days (owner_id, day, response_hour, leads, response_ms)
    SELECT NEW.owner_id, c.day, NEW.qualified_response_hour, 1, COALESCE(NEW.qualified_response_ms, 0)
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.sales_qualified_at)
    ON CONFLICT (owner_id, day, response_hour) DO UPDATE SET leads = leads + excluded.leads, response_ms = response_ms + excluded.response_ms;
END;

CREATE TRIGGER tr_leads_qualified_lead_days_update AFTER UPDATE OF owner_id, sales_qualified_at, qualified_response_at, deleted_at ON leads
WHEN OLD.owner_id IS NOT NEW.owner_id OR OLD.sales_qualified_at IS NOT NEW.sales_qualified_at
  OR OLD.qualified_response_at IS NOT NEW.qualified_response_at OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
    INSERT INTO qualified_lead_days (owner_id, day, response_hour, leads, response_ms)
    SELECT OLD.owner_id, c.day, OLD.qualified_response_hour, -1, -COALESCE(OLD.qualified_response_ms, 0)
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL AND OLD.sales_qualified_at IS NOT NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.sales_qualified_at)
    ON CONFLICT (owner_id, day, response_hour) DO UPDATE SET leads = leads + excluded.leads, response_ms = response_ms + excluded.response_ms;
    INSERT INTO qualified_lead_days (owner_id, day, response_hour, leads, response_ms)
    SELECT NEW.owner_id, c.day, NEW.qualified_response_hour, 1, COALESCE(NEW.qualified_response_ms, 0)
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL AND NEW.sales_qualified_at IS NOT NULL
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.sales_qualified_at)
    ON CONFLICT (owner_id, day, response_hour) DO UPDATE SET leads = leads + excluded.leads, response_ms = response_ms + excluded.response_ms;
END;

CREATE TRIGGER tr_leads_qualified_lead_days_delete AFTER DELETE ON leads
WHEN OLD.deleted_at IS NULL AND OLD.sales_qualified_at IS NOT NULL
BEGIN
    INSERT INTO qualified_lead_days (owner_id, day, response_hour, leads, response_ms)
    SELECT OLD.owner_id, c.day, OLD.qualified_response_hour, -1, -COALESCE(OLD.qualified_response_ms, 0)
    FROM metric_calendar c
    WHERE c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.sales_qualified_at)
    ON CONFLICT (owner_id, day, response_hour) DO UPDATE SET leads = leads + excluded.leads, response_ms = response_ms + excluded.response_ms;
END;

CREATE TRIGGER tr_qualified_lead_days_organisation_insert AFTER INSERT ON qualified_lead_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO qualified_lead_days (owner_id, day, response_hour, leads, response_ms)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.response_hour, NEW.leads, NEW.response_ms)
    ON CONFLICT (owner_id, day, response_hour) DO UPDATE SET leads = leads + excluded.leads, response_ms = response_ms + excluded.response_ms;
END;

CREATE TRIGGER tr_qualified_lead_days_organisation_update AFTER UPDATE ON qualified_lead_days
WHEN NEW.owner_id <> '00000000-0000-0000-0000-000000000000'
BEGIN
    INSERT INTO qualified_lead_days (owner_id, day, response_hour, leads, response_ms)
    VALUES ('00000000-0000-0000-0000-000000000000', NEW.day, NEW.response_hour, NEW.leads - OLD.leads, NEW.response_ms - OLD.response_ms)
    ON CONFLICT (owner_id, day, response_hour) DO UPDATE SET leads = leads + excluded.leads, response_ms = response_ms + excluded.response_ms;
END;
