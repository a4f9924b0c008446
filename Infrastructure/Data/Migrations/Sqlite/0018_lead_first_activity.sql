-- Lead response time reads each lead's first logged activity from the lead itself: first_activity_at is the earliest
-- occurred_at of the lead's activities that are not soft-deleted (NULL when none), kept by triggers on activities in the
-- same transaction as every write (an insert can only move it earlier; an update or delete recomputes it through
-- ix_activities_lead), and recomputed from the records by the rebuild (Rollups/LeadFirstActivity). The leads of a window
-- are then read from one covering index instead of probing the activities of each lead.

ALTER TABLE leads ADD COLUMN first_activity_at INTEGER NULL;

CREATE INDEX ix_leads_created_metrics ON leads (created_at, owner_id, status, converted_opportunity_id, first_activity_at)
    WHERE deleted_at IS NULL;

CREATE TRIGGER tr_activities_lead_first_insert AFTER INSERT ON activities
WHEN NEW.lead_id IS NOT NULL AND NEW.deleted_at IS NULL
BEGIN
    UPDATE leads SET first_activity_at = NEW.occurred_at
    WHERE id = NEW.lead_id AND (first_activity_at IS NULL OR first_activity_at > NEW.occurred_at);
END;

CREATE TRIGGER tr_activities_lead_first_update AFTER UPDATE OF lead_id, occurred_at, deleted_at ON activities
WHEN OLD.lead_id IS NOT NULL OR NEW.lead_id IS NOT NULL
BEGIN
    UPDATE leads SET first_activity_at = (SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = leads.id AND a.deleted_at IS NULL)
    WHERE id IN (OLD.lead_id, NEW.lead_id);
END;

CREATE TRIGGER tr_activities_lead_first_delete AFTER DELETE ON activities
WHEN OLD.lead_id IS NOT NULL
BEGIN
    UPDATE leads SET first_activity_at = (SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = leads.id AND a.deleted_at IS NULL)
    WHERE id = OLD.lead_id;
END;
