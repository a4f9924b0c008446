-- Lead response time reads each lead's first logged activity from the lead itself: first_activity_at is the earliest
-- occurred_at of the lead's activities that are not soft-deleted (NULL when none), kept by a trigger on activities in the
-- same transaction as every write (recomputed for the leads the written rows touch), and recomputed from the records by
-- the rebuild (Rollups/LeadFirstActivity). The leads of a window are then read from one covering index.

ALTER TABLE leads ADD first_activity_at DATETIMEOFFSET(3) NULL;
GO

CREATE INDEX ix_leads_created_metrics ON leads (created_at, owner_id, status, converted_opportunity_id, first_activity_at)
    WHERE deleted_at IS NULL;
GO

CREATE TRIGGER tr_activities_lead_first ON activities AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    UPDATE l SET first_activity_at = (SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = l.id AND a.deleted_at IS NULL)
    FROM leads l
    WHERE l.id IN (SELECT lead_id FROM inserted WHERE lead_id IS NOT NULL UNION SELECT lead_id FROM deleted WHERE lead_id IS NOT NULL);
END;
