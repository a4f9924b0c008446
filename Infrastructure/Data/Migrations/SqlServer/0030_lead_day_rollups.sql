-- Day rollups of the leads, so lead conversion, lead response time and conversion by score band read a window's days
-- instead of its leads, kept exact by a trigger on leads in the same transaction as every write (LeadDayRollup rebuilds
-- them after a migration). A lead's first logged activity is kept on the lead (first_activity_at, 0018, by a trigger on
-- activities: nested triggers, SQL Server's default, fire this one too), so every change that moves a figure is an insert,
-- update or delete of the lead: the trigger subtracts the rows' old contribution (deleted) and adds their new one
-- (inserted). Only live leads (deleted_at NULL) count, on the local day of their creation, under their current owner.
--   response_ms    (on leads) hours to the first logged activity in ms, 0 when it came at or before the creation, NULL
--                  when there is none.
--   response_hour  (on leads) the whole hours of response_ms rounded up: -1 without an activity, 0 for exactly 0 hours,
--                  k for more than k - 1 and at most k hours. Its order is the order of the response times, so a median's
--                  bucket is found from the counts and only that bucket's leads are read (ix_leads_response_window).
--   lead_days        per owner, day and response_hour: leads, converted ones, and the sum of response_ms (the average).
--   lead_score_days  per owner, day and current score: leads and converted ones (the bands are cut when read, at the
--                    threshold of then).
-- Organisation rows (owner '00000000-0000-0000-0000-000000000000') sum every owner's rows, kept by triggers on the rollups
-- as 0016 does (RECURSIVE_TRIGGERS is off, so a trigger's own MERGE into its table does not fire it again).
ALTER TABLE leads ADD
    response_ms AS (CASE WHEN first_activity_at IS NULL THEN NULL WHEN first_activity_at <= created_at THEN CAST(0 AS BIGINT)
                         ELSE DATEDIFF_BIG(MILLISECOND, created_at, first_activity_at) END) PERSISTED,
    response_hour AS (CASE WHEN first_activity_at IS NULL THEN CAST(-1 AS BIGINT) WHEN first_activity_at <= created_at THEN CAST(0 AS BIGINT)
                           ELSE (DATEDIFF_BIG(MILLISECOND, created_at, first_activity_at) + 3599999) / 3600000 END) PERSISTED;
GO

-- Not filtered (SQL Server does not filter an index keyed on a computed column): deleted_at is carried instead.
CREATE INDEX ix_leads_response_window ON leads (response_hour, created_at)
    INCLUDE (owner_id, first_activity_at, deleted_at);

CREATE TABLE lead_days (
    owner_id UNIQUEIDENTIFIER NOT NULL,
    day DATE NOT NULL,
    response_hour BIGINT NOT NULL,
    leads INT NOT NULL CONSTRAINT df_lead_days_leads DEFAULT 0,
    converted INT NOT NULL CONSTRAINT df_lead_days_converted DEFAULT 0,
    response_ms BIGINT NOT NULL CONSTRAINT df_lead_days_response_ms DEFAULT 0,
    CONSTRAINT pk_lead_days PRIMARY KEY (owner_id, day, response_hour)
);

CREATE TABLE lead_score_days (
    owner_id UNIQUEIDENTIFIER NOT NULL,
    day DATE NOT NULL,
    score INT NOT NULL,
    leads INT NOT NULL CONSTRAINT df_lead_score_days_leads DEFAULT 0,
    converted INT NOT NULL CONSTRAINT df_lead_score_days_converted DEFAULT 0,
    CONSTRAINT pk_lead_score_days PRIMARY KEY (owner_id, day, score)
);
GO

CREATE TRIGGER tr_leads_day_rollups ON leads AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted)
       AND NOT (UPDATE(owner_id) OR UPDATE(created_at) OR UPDATE(status) OR UPDATE(converted_opportunity_id)
                OR UPDATE(first_activity_at) OR UPDATE(deleted_at) OR UPDATE(score))
        RETURN;
    MERGE lead_days AS d
    USING (
        SELECT r.owner_id, c.day, r.response_hour, SUM(r.sign) AS leads, SUM(r.sign * r.converted) AS converted,
               SUM(r.sign * r.response_ms) AS response_ms
        FROM (
            SELECT 1 AS sign, owner_id, response_hour, COALESCE(response_ms, 0) AS response_ms, created_at AS at,
                   CASE WHEN status = 'converted' OR converted_opportunity_id IS NOT NULL THEN 1 ELSE 0 END AS converted
            FROM inserted WHERE deleted_at IS NULL
            UNION ALL SELECT -1, owner_id, response_hour, COALESCE(response_ms, 0), created_at,
                   CASE WHEN status = 'converted' OR converted_opportunity_id IS NOT NULL THEN 1 ELSE 0 END
            FROM deleted WHERE deleted_at IS NULL
        ) r
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= r.at ORDER BY mc.starts_at DESC) c
        GROUP BY r.owner_id, c.day, r.response_hour
        HAVING SUM(r.sign) <> 0 OR SUM(r.sign * r.converted) <> 0 OR SUM(r.sign * r.response_ms) <> 0
    ) AS s ON d.owner_id = s.owner_id AND d.day = s.day AND d.response_hour = s.response_hour
    WHEN MATCHED THEN UPDATE SET leads = d.leads + s.leads, converted = d.converted + s.converted, response_ms = d.response_ms + s.response_ms
    WHEN NOT MATCHED THEN INSERT (owner_id, day, response_hour, leads, converted, response_ms)
        VALUES (s.owner_id, s.day, s.response_hour, s.leads, s.converted, s.response_ms);
    MERGE lead_score_days AS d
    USING (
        SELECT r.owner_id, c.day, r.score, SUM(r.sign) AS leads, SUM(r.sign * r.converted) AS converted
        FROM (
            SELECT 1 AS sign, owner_id, score, created_at AS at,
                   CASE WHEN status = 'converted' OR converted_opportunity_id IS NOT NULL THEN 1 ELSE 0 END AS converted
            FROM inserted WHERE deleted_at IS NULL
            UNION ALL SELECT -1, owner_id, score, created_at,
                   CASE WHEN status = 'converted' OR converted_opportunity_id IS NOT NULL THEN 1 ELSE 0 END
            FROM deleted WHERE deleted_at IS NULL
        ) r
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= r.at ORDER BY mc.starts_at DESC) c
        GROUP BY r.owner_id, c.day, r.score
        HAVING SUM(r.sign) <> 0 OR SUM(r.sign * r.converted) <> 0
    ) AS s ON d.owner_id = s.owner_id AND d.day = s.day AND d.score = s.score
    WHEN MATCHED THEN UPDATE SET leads = d.leads + s.leads, converted = d.converted + s.converted
    WHEN NOT MATCHED THEN INSERT (owner_id, day, score, leads, converted) VALUES (s.owner_id, s.day, s.score, s.leads, s.converted);
END;
GO

CREATE TRIGGER tr_lead_days_organisation ON lead_days AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    MERGE lead_days AS d
    USING (
        SELECT r.day, r.response_hour, SUM(r.leads) AS leads, SUM(r.converted) AS converted, SUM(r.response_ms) AS response_ms
        FROM (
            SELECT day, response_hour, leads, converted, response_ms FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, response_hour, -leads, -converted, -response_ms FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY r.day, r.response_hour
    ) AS s ON d.owner_id = '00000000-0000-0000-0000-000000000000' AND d.day = s.day AND d.response_hour = s.response_hour
    WHEN MATCHED THEN UPDATE SET leads = d.leads + s.leads, converted = d.converted + s.converted, response_ms = d.response_ms + s.response_ms
    WHEN NOT MATCHED THEN INSERT (owner_id, day, response_hour, leads, converted, response_ms)
        VALUES ('00000000-0000-0000-0000-000000000000', s.day, s.response_hour, s.leads, s.converted, s.response_ms);
END;
GO

CREATE TRIGGER tr_lead_score_days_organisation ON lead_score_days AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    MERGE lead_score_days AS d
    USING (
        SELECT r.day, r.score, SUM(r.leads) AS leads, SUM(r.converted) AS converted
        FROM (
            SELECT day, score, leads, converted FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, score, -leads, -converted FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY r.day, r.score
    ) AS s ON d.owner_id = '00000000-0000-0000-0000-000000000000' AND d.day = s.day AND d.score = s.score
    WHEN MATCHED THEN UPDATE SET leads = d.leads + s.leads, converted = d.converted + s.converted
    WHEN NOT MATCHED THEN INSERT (owner_id, day, score, leads, converted)
        VALUES ('00000000-0000-0000-0000-000000000000', s.day, s.score, s.leads, s.converted);
END;
