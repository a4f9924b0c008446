-- Lost reasons and competitors per day: lost_reason_days holds, per local day of closed_at, current owner, pipeline,
-- lost reason (00000000-0000-0000-0000-000000000000 when none) and competitor ('' when none), the live opportunities
-- whose current outcome is lost, and their current amounts. Kept by triggers on opportunities in the same transaction as
-- every write that changes them (the old contribution subtracted, the new one added), with organisation rows (owner
-- 00000000-0000-0000-0000-000000000000) kept by triggers on the table itself as in 0016; rebuilt from the records by
-- Rollups/LostReasonDayRollup. The lost-reasons endpoint reads it instead of the window's lost deals.

CREATE TABLE lost_reason_days (
    day DATE NOT NULL,
    owner_id UNIQUEIDENTIFIER NOT NULL,
    pipeline_id UNIQUEIDENTIFIER NOT NULL,
    lost_reason_id UNIQUEIDENTIFIER NOT NULL,
    competitor NVARCHAR(200) NOT NULL,
    lost INT NOT NULL CONSTRAINT df_lost_reason_days_lost DEFAULT 0,
    lost_amount DECIMAL(19,4) NOT NULL CONSTRAINT df_lost_reason_days_lost_amount DEFAULT 0,
    CONSTRAINT pk_lost_reason_days PRIMARY KEY (day, owner_id, pipeline_id, lost_reason_id, competitor)
);

CREATE INDEX ix_lost_reason_days_owner ON lost_reason_days (owner_id, day);
GO

CREATE TRIGGER tr_opportunities_lost_reason ON opportunities AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    MERGE lost_reason_days AS d
    USING (
        SELECT c.day, r.owner_id, r.pipeline_id, r.lost_reason_id, r.competitor, SUM(r.sign) AS lost, SUM(r.sign * r.amount) AS lost_amount
        FROM (
            SELECT 1 AS sign, owner_id, pipeline_id, COALESCE(lost_reason_id, '00000000-0000-0000-0000-000000000000') AS lost_reason_id, COALESCE(competitor, N'') AS competitor, amount, closed_at
            FROM inserted WHERE outcome = 'lost' AND deleted_at IS NULL AND closed_at IS NOT NULL
            UNION ALL
            SELECT -1, owner_id, pipeline_id, COALESCE(lost_reason_id, '00000000-0000-0000-0000-000000000000'), COALESCE(competitor, N''), amount, closed_at
            FROM deleted WHERE outcome = 'lost' AND deleted_at IS NULL AND closed_at IS NOT NULL
        ) r
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= r.closed_at ORDER BY mc.starts_at DESC) c
        GROUP BY c.day, r.owner_id, r.pipeline_id, r.lost_reason_id, r.competitor
    ) AS s ON d.day = s.day AND d.owner_id = s.owner_id AND d.pipeline_id = s.pipeline_id AND d.lost_reason_id = s.lost_reason_id AND d.competitor = s.competitor
    WHEN MATCHED THEN UPDATE SET lost = d.lost + s.lost, lost_amount = d.lost_amount + s.lost_amount
    WHEN NOT MATCHED THEN INSERT (day, owner_id, pipeline_id, lost_reason_id, competitor, lost, lost_amount)
        VALUES (s.day, s.owner_id, s.pipeline_id, s.lost_reason_id, s.competitor, s.lost, s.lost_amount);
END;
GO

CREATE TRIGGER tr_lost_reason_days_organisation ON lost_reason_days AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    MERGE lost_reason_days AS d
    USING (
        SELECT r.day, r.pipeline_id, r.lost_reason_id, r.competitor, SUM(r.lost) AS lost, SUM(r.lost_amount) AS lost_amount
        FROM (
            SELECT day, pipeline_id, lost_reason_id, competitor, lost, lost_amount FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, pipeline_id, lost_reason_id, competitor, -lost, -lost_amount FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY r.day, r.pipeline_id, r.lost_reason_id, r.competitor
    ) AS s ON d.day = s.day AND d.owner_id = '00000000-0000-0000-0000-000000000000' AND d.pipeline_id = s.pipeline_id AND d.lost_reason_id = s.lost_reason_id AND d.competitor = s.competitor
    WHEN MATCHED THEN UPDATE SET lost = d.lost + s.lost, lost_amount = d.lost_amount + s.lost_amount
    WHEN NOT MATCHED THEN INSERT (day, owner_id, pipeline_id, lost_reason_id, competitor, lost, lost_amount) VALUES (s.day, '00000000-0000-0000-0000-000000000000', s.pipeline_id, s.lost_reason_id, s.competitor, s.lost, s.lost_amount);
END;
