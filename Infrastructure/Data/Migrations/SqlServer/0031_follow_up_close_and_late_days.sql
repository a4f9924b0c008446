-- Follow-up discipline's last two reads of records, as day rollups with organisation rows (as 0021's advances):
--
-- closed_deal_follow_up_days: per owner (the deal's current one), local day of closed_at, pipeline, outcome (won or lost)
-- and completed follow-ups up to the close (opportunities.follow_ups_at_close, 0013), how many deals: the live deals whose
-- current outcome is won or lost. The follow-up count as a key keeps the median exact.
-- The trigger on opportunities keeps it exact: every change to those columns (a deal written or closed, reopened,
-- reassigned, moved to another pipeline, soft-deleted or restored, its count moved by a follow-up completed, deleted or
-- restored later, which 0013's trigger writes onto the deal) subtracts the deals' old contribution and adds their new one.
--
-- late_follow_up_days: per owner, local day of completed_at and lateness in ms (completed_at - due_at), how many live
-- follow-ups were completed after their due time. The exact lateness as a key keeps the median exact. No pipeline: a
-- pipeline's late follow-ups are read from the records. The trigger on follow_ups keeps it.
--
-- Organisation rows (owner '00000000-0000-0000-0000-000000000000') sum every owner's rows, kept by a trigger on each
-- rollup as 0016 does. Metrics/Rollups/FollowUpOutcomeDayRollup rebuilds both.
CREATE TABLE closed_deal_follow_up_days (
    owner_id UNIQUEIDENTIFIER NOT NULL,
    day DATE NOT NULL,
    pipeline_id UNIQUEIDENTIFIER NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    follow_ups INT NOT NULL,
    deals INT NOT NULL CONSTRAINT df_closed_deal_follow_up_days_deals DEFAULT 0,
    CONSTRAINT pk_closed_deal_follow_up_days PRIMARY KEY (owner_id, day, pipeline_id, outcome, follow_ups)
);

CREATE TABLE late_follow_up_days (
    owner_id UNIQUEIDENTIFIER NOT NULL,
    day DATE NOT NULL,
    late_ms BIGINT NOT NULL,
    follow_ups INT NOT NULL CONSTRAINT df_late_follow_up_days_follow_ups DEFAULT 0,
    CONSTRAINT pk_late_follow_up_days PRIMARY KEY (owner_id, day, late_ms)
);
GO

CREATE TRIGGER tr_opportunities_closed_follow_up_days ON opportunities AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted)
       AND NOT (UPDATE(owner_id) OR UPDATE(pipeline_id) OR UPDATE(closed_at) OR UPDATE(outcome) OR UPDATE(deleted_at)
                OR UPDATE(follow_ups_at_close))
        RETURN;
    MERGE closed_deal_follow_up_days AS d
    USING (
        SELECT r.owner_id, c.day, r.pipeline_id, r.outcome, r.follow_ups, SUM(r.sign) AS deals
        FROM (
            SELECT 1 AS sign, owner_id, pipeline_id, outcome, follow_ups_at_close AS follow_ups, closed_at AS at
            FROM inserted WHERE outcome IN ('won', 'lost') AND closed_at IS NOT NULL AND deleted_at IS NULL
            UNION ALL SELECT -1, owner_id, pipeline_id, outcome, follow_ups_at_close, closed_at
            FROM deleted WHERE outcome IN ('won', 'lost') AND closed_at IS NOT NULL AND deleted_at IS NULL
        ) r
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= r.at ORDER BY mc.starts_at DESC) c
        GROUP BY r.owner_id, c.day, r.pipeline_id, r.outcome, r.follow_ups
        HAVING SUM(r.sign) <> 0
    ) AS s ON d.owner_id = s.owner_id AND d.day = s.day AND d.pipeline_id = s.pipeline_id AND d.outcome = s.outcome
              AND d.follow_ups = s.follow_ups
    WHEN MATCHED THEN UPDATE SET deals = d.deals + s.deals
    WHEN NOT MATCHED THEN INSERT (owner_id, day, pipeline_id, outcome, follow_ups, deals)
        VALUES (s.owner_id, s.day, s.pipeline_id, s.outcome, s.follow_ups, s.deals);
END;
GO

CREATE TRIGGER tr_closed_deal_follow_up_days_organisation ON closed_deal_follow_up_days AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    MERGE closed_deal_follow_up_days AS d
    USING (
        SELECT r.day, r.pipeline_id, r.outcome, r.follow_ups, SUM(r.deals) AS deals
        FROM (
            SELECT day, pipeline_id, outcome, follow_ups, deals FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, pipeline_id, outcome, follow_ups, -deals FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY r.day, r.pipeline_id, r.outcome, r.follow_ups
    ) AS s ON d.owner_id = '00000000-0000-0000-0000-000000000000' AND d.day = s.day AND d.pipeline_id = s.pipeline_id
              AND d.outcome = s.outcome AND d.follow_ups = s.follow_ups
    WHEN MATCHED THEN UPDATE SET deals = d.deals + s.deals
    WHEN NOT MATCHED THEN INSERT (owner_id, day, pipeline_id, outcome, follow_ups, deals)
        VALUES ('00000000-0000-0000-0000-000000000000', s.day, s.pipeline_id, s.outcome, s.follow_ups, s.deals);
END;
GO

CREATE TRIGGER tr_follow_ups_late_days ON follow_ups AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted)
       AND NOT (UPDATE(owner_id) OR UPDATE(due_at) OR UPDATE(status) OR UPDATE(completed_at) OR UPDATE(deleted_at))
        RETURN;
    MERGE late_follow_up_days AS d
    USING (
        SELECT r.owner_id, c.day, r.late_ms, SUM(r.sign) AS follow_ups
        FROM (
            SELECT 1 AS sign, owner_id, DATEDIFF_BIG(millisecond, due_at, completed_at) AS late_ms, completed_at AS at
            FROM inserted WHERE status = 'completed' AND deleted_at IS NULL AND completed_at > due_at
            UNION ALL SELECT -1, owner_id, DATEDIFF_BIG(millisecond, due_at, completed_at), completed_at
            FROM deleted WHERE status = 'completed' AND deleted_at IS NULL AND completed_at > due_at
        ) r
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= r.at ORDER BY mc.starts_at DESC) c
        GROUP BY r.owner_id, c.day, r.late_ms
        HAVING SUM(r.sign) <> 0
    ) AS s ON d.owner_id = s.owner_id AND d.day = s.day AND d.late_ms = s.late_ms
    WHEN MATCHED THEN UPDATE SET follow_ups = d.follow_ups + s.follow_ups
    WHEN NOT MATCHED THEN INSERT (owner_id, day, late_ms, follow_ups) VALUES (s.owner_id, s.day, s.late_ms, s.follow_ups);
END;
GO

CREATE TRIGGER tr_late_follow_up_days_organisation ON late_follow_up_days AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    MERGE late_follow_up_days AS d
    USING (
        SELECT r.day, r.late_ms, SUM(r.follow_ups) AS follow_ups
        FROM (
            SELECT day, late_ms, follow_ups FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, late_ms, -follow_ups FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY r.day, r.late_ms
    ) AS s ON d.owner_id = '00000000-0000-0000-0000-000000000000' AND d.day = s.day AND d.late_ms = s.late_ms
    WHEN MATCHED THEN UPDATE SET follow_ups = d.follow_ups + s.follow_ups
    WHEN NOT MATCHED THEN INSERT (owner_id, day, late_ms, follow_ups) VALUES ('00000000-0000-0000-0000-000000000000', s.day, s.late_ms, s.follow_ups);
END;
