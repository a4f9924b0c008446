-- The typical cycle of the cycle-age forecast is the median, over the deals won in the 12 months before now, of the days
-- from creation to close (0 when closed before created). won_cycle_days counts those deals per current owner, local day
-- of the close, current pipeline and whole days of cycle: live (not soft-deleted) opportunities whose current outcome is
-- won. Kept exact by the trigger below in the same transaction as every write to opportunities, with organisation rows
-- (owner '00000000-0000-0000-0000-000000000000') kept by a trigger on the table itself as 0016 does; filled by the
-- rebuild in Rollups/WonCycleDayRollup.cs. (The open deals' totals read 0022's indexes, which already INCLUDE every column.)

CREATE TABLE won_cycle_days (
    owner_id UNIQUEIDENTIFIER NOT NULL,
    day DATE NOT NULL,
    pipeline_id UNIQUEIDENTIFIER NOT NULL,
    cycle_days INT NOT NULL,
    won INT NOT NULL CONSTRAINT df_won_cycle_days_won DEFAULT 0,
    CONSTRAINT pk_won_cycle_days PRIMARY KEY (owner_id, day, pipeline_id, cycle_days)
);
GO

-- Each written row leaves its old place (deleted, -1) and takes its new one (inserted, +1) when it is a live won deal.
CREATE TRIGGER tr_opportunities_won_cycle_days ON opportunities AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    MERGE won_cycle_days AS t
    USING (
        SELECT r.owner_id, c.day, r.pipeline_id, r.cycle_days, SUM(r.sign) AS won
        FROM (
            SELECT 1 AS sign, i.owner_id, i.pipeline_id, i.closed_at,
                   CAST(CASE WHEN i.closed_at > i.created_at THEN DATEDIFF_BIG(millisecond, i.created_at, i.closed_at) / 86400000 ELSE 0 END AS INT) AS cycle_days
            FROM inserted i
            WHERE i.outcome = 'won' AND i.deleted_at IS NULL AND i.closed_at IS NOT NULL
            UNION ALL
            SELECT -1, d.owner_id, d.pipeline_id, d.closed_at,
                   CAST(CASE WHEN d.closed_at > d.created_at THEN DATEDIFF_BIG(millisecond, d.created_at, d.closed_at) / 86400000 ELSE 0 END AS INT)
            FROM deleted d
            WHERE d.outcome = 'won' AND d.deleted_at IS NULL AND d.closed_at IS NOT NULL
        ) r
        CROSS APPLY (SELECT TOP 1 mc.day FROM metric_calendar mc WHERE mc.starts_at <= r.closed_at ORDER BY mc.starts_at DESC) c
        GROUP BY r.owner_id, c.day, r.pipeline_id, r.cycle_days
        HAVING SUM(r.sign) <> 0
    ) AS s ON t.owner_id = s.owner_id AND t.day = s.day AND t.pipeline_id = s.pipeline_id AND t.cycle_days = s.cycle_days
    WHEN MATCHED THEN UPDATE SET won = t.won + s.won
    WHEN NOT MATCHED THEN INSERT (owner_id, day, pipeline_id, cycle_days, won) VALUES (s.owner_id, s.day, s.pipeline_id, s.cycle_days, s.won);
END;
GO

CREATE TRIGGER tr_won_cycle_days_organisation ON won_cycle_days AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    MERGE won_cycle_days AS t
    USING (
        SELECT r.day, r.pipeline_id, r.cycle_days, SUM(r.won) AS won
        FROM (
            SELECT day, pipeline_id, cycle_days, won FROM inserted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
            UNION ALL SELECT day, pipeline_id, cycle_days, -won FROM deleted WHERE owner_id <> '00000000-0000-0000-0000-000000000000'
        ) r
        GROUP BY r.day, r.pipeline_id, r.cycle_days
    ) AS s ON t.owner_id = '00000000-0000-0000-0000-000000000000' AND t.day = s.day AND t.pipeline_id = s.pipeline_id AND t.cycle_days = s.cycle_days
    WHEN MATCHED THEN UPDATE SET won = t.won + s.won
    WHEN NOT MATCHED THEN INSERT (owner_id, day, pipeline_id, cycle_days, won)
        VALUES ('00000000-0000-0000-0000-000000000000', s.day, s.pipeline_id, s.cycle_days, s.won);
END;
