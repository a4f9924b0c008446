-- Response time to sales-qualified leads from a day rollup, as lead response time (0030) reads its leads: the figure read
-- every lead qualified in the window and, per lead, its first activity since qualifying.
--   qualified_response_at    (on leads) the earliest occurred_at of the lead's live activities at or after its
--                            sales_qualified_at (NULL when none, or when the lead is not qualified), kept by a trigger on
--                            activities (recomputed for the leads the written rows touch, as 0018 keeps first_activity_at)
--                            and one on leads (an insert or a change of sales_qualified_at recomputes it). Backfilled here;
--                            Rollups/QualifiedLeadDayRollup recomputes it.
--   qualified_response_ms    (on leads) qualified_response_at - sales_qualified_at in ms, NULL without a response.
--   qualified_response_hour  (on leads) its whole hours rounded up: -1 without a response, 0 for exactly 0 ms, k for more than
--                            k - 1 and at most k hours; NULL for a lead never qualified. Its order is the order of the response
--                            times, so a median's hour is found from the counts and only that hour's leads are read
--                            (ix_leads_qualified_response_window).
--   qualified_lead_days      per owner, local day of sales_qualified_at and qualified_response_hour: the live qualified
--                            leads and the sum of their qualified_response_ms (the average is exact from the sums).
-- A trigger on leads keeps it exact (nested triggers, SQL Server's default, fire it for the response the other triggers
-- write): it subtracts the rows' old contribution (deleted) and adds their new one (inserted). Organisation rows (owner
-- '00000000-0000-0000-0000-000000000000') sum every owner's rows, kept by a trigger on the rollup as 0016 does.
-- Rollups/QualifiedLeadDayRollup rebuilds it on start-up.
ALTER TABLE leads ADD qualified_response_at DATETIMEOFFSET(3) NULL;
GO

UPDATE l SET qualified_response_at = (
    SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = l.id AND a.deleted_at IS NULL AND a.occurred_at >= l.sales_qualified_at)
FROM leads l
WHERE l.sales_qualified_at IS NOT NULL;
GO

ALTER TABLE leads ADD
    qualified_response_ms AS (CASE WHEN sales_qualified_at IS NULL OR qualified_response_at IS NULL THEN NULL
                                   WHEN qualified_response_at <= sales_qualified_at THEN CAST(0 AS BIGINT)
                                   ELSE DATEDIFF_BIG(MILLISECOND, sales_qualified_at, qualified_response_at) END) PERSISTED,
    qualified_response_hour AS (CASE WHEN sales_qualified_at IS NULL THEN NULL WHEN qualified_response_at IS NULL THEN CAST(-1 AS BIGINT)
                                     WHEN qualified_response_at <= sales_qualified_at THEN CAST(0 AS BIGINT)
                                     ELSE (DATEDIFF_BIG(MILLISECOND, sales_qualified_at, qualified_response_at) + 3599999) / 3600000 END) PERSISTED;
GO

-- Not filtered (SQL Server does not filter an index keyed on a computed column): deleted_at is carried instead.
CREATE INDEX ix_leads_qualified_response_window ON leads (qualified_response_hour, sales_qualified_at)
    INCLUDE (owner_id, qualified_response_at, deleted_at);

CREATE TABLE qualified_lead_days (
    owner_id UNIQUEIDENTIFIER NOT NULL,
    day DATE NOT NULL,
    response_hour BIGINT NOT NULL,
    leads INT NOT NULL CONSTRAINT df_qualified_lead_days_leads DEFAULT 0,
    response_ms BIGINT NOT NULL CONSTRAINT df_qualified_lead_days_response_ms DEFAULT 0,
    CONSTRAINT pk_qualified_lead_days PRIMARY KEY (owner_id, day, response_hour)
);
GO

CREATE TRIGGER tr_activities_qualified_response ON activities AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted)
       AND NOT (UPDATE(lead_id) OR UPDATE(occurred_at) OR UPDATE(deleted_at))
        RETURN;
    UPDATE l SET qualified_response_at = (
        SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = l.id AND a.deleted_at IS NULL AND a.occurred_at >= l.sales_qualified_at)
    FROM leads l
    WHERE l.sales_qualified_at IS NOT NULL
      AND l.id IN (SELECT lead_id FROM inserted WHERE lead_id IS NOT NULL UNION SELECT lead_id FROM deleted WHERE lead_id IS NOT NULL);
END;
GO

CREATE TRIGGER tr_leads_qualified_response ON leads AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF NOT UPDATE(sales_qualified_at)
        RETURN;
    UPDATE l SET qualified_response_at = (
        SELECT MIN(a.occurred_at) FROM activities a WHERE a.lead_id = l.id AND a.deleted_at IS NULL AND a.occurred_at >= l.sales_qualified_at)
    FROM leads l
    WHERE l.id IN (SELECT id FROM inserted WHERE sales_qualified_at IS NOT NULL OR qualified_response_at IS NOT NULL);
END;
GO

CREATE TRIGGER tr_leads_qualified_lead_days ON leads AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted)
       AND NOT (UPDATE(owner_id) OR UPDATE(sales_qualified_at) OR UPDATE(qualified_response_at) OR UPDATE(deleted_at))
        RETURN;
    MERGE qualified_lead_days AS d
    USING (
        SELECT r.owner_id, c.day, r.response_hour, SUM(r.sign) AS leads, SUM(r.sign * r.response_ms) AS response_ms
        FROM (
            SELECT 1 AS sign, owner_id, qualified_response_hour AS response_hour, COALESCE(qualified_response_ms, 0) AS response_ms,
                   sales_qualified_at AS at
            FROM inserted WHERE deleted_at IS NULL AND sales_qualified_at IS NOT NULL
            UNION ALL SELECT -1, owner_id, qualified_response_hour, COALESCE(qualified_response_ms, 0), sales_qualified_at
            FROM deleted WHERE deleted_at IS NULL AND sales_qualified_at IS NOT NULL
        ) r
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= r.at ORDER BY mc.starts_at DESC) c
        GROUP BY r.owner_id, c.day, r.response_hour
        HAVING SUM(r.sign) <> 0 OR SUM(r.sign * r.response_ms) <> 0
    ) AS s ON d.owner_id = s.owner_id AND d.day = s.day AND d.response_hour = s.response_hour
    WHEN MATCHED THEN UPDATE SET leads = d.leads + s.leads, response_ms = d.response_ms + s.response_ms
    WHEN NOT MATCHED THEN INSERT (owner_id, day, response_hour, leads, response_ms)
        VALUES (s.owner_id, s.day, s.response_hour, s.leads, s.response_ms);
END;
GO

CREATE TRIGGER tr_qualified_lead_days_organisation ON qualified_lead_days AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    MERGE qualified_lead_days AS d
    USING (
        SELECT r.day, r.response_hour, SUM(r.leads) AS leads, SUM(r.response_ms) AS response_ms
        FROM (
            SELECT day, response_hour, leads, response_ms FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, response_hour, -leads, -response_ms FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY r.day, r.response_hour
    ) AS s ON d.owner_id = '00000000-0000-0000-0000-000000000000' AND d.day = s.day AND d.response_hour = s.response_hour
    WHEN MATCHED THEN UPDATE SET leads = d.leads + s.leads, response_ms = d.response_ms + s.response_ms
    WHEN NOT MATCHED THEN INSERT (owner_id, day, response_hour, leads, response_ms)
        VALUES ('00000000-0000-0000-0000-000000000000', s.day, s.response_hour, s.leads, s.response_ms);
END;
